package dev.kindred.agentfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.AgentScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindred import} and {@code kindred export} against console agents. */
class CommandsTest extends TransferFixture {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importPrintsAShortReportAndExportWritesTheFile() throws IOException {
        Path file = dir.resolve("companion.af");
        Files.write(file, CompanionImportTest.companion());

        int imported = new ImportCommand(transfer(), out).run(List.of(file.toString(), "--owner", "42"));

        assertThat(imported).isZero();
        assertThat(printed())
                .contains("Imported Mira, Helper-Bot-: 5 blocks, 6 messages, 0 passages.")
                .contains("  - Mira: tools Kindred does not have were not imported: ");
        assertThat(services()
                        .agents()
                        .findByName(AgentScope.console(), "Mira")
                        .orElseThrow()
                        .ownerId())
                .isEqualTo("42");

        Path exported = dir.resolve("mira.af");
        int code = new ExportCommand(transfer(), services().agents(), out).run(List.of("Mira", exported.toString()));

        assertThat(code).isZero();
        assertThat(printed()).contains("Exported Mira to " + exported);
        JsonNode root = AgentFileJson.read(Files.readAllBytes(exported));
        assertThat(root.get("agents").get(0).get("name").asText()).isEqualTo("Mira");
    }

    @Test
    void refusedImportSaysNothingWasWritten() throws IOException {
        Path file = dir.resolve("broken.af");
        Files.writeString(file, "{\"agents\": [");

        assertThat(new ImportCommand(transfer(), out).run(List.of(file.toString())))
                .isEqualTo(1);
        assertThat(printed()).contains("Import refused, nothing was written: this is not a valid agent file");
        assertThat(new ImportCommand(transfer(), out)
                        .run(List.of(dir.resolve("missing.af").toString())))
                .isEqualTo(1);
        assertThat(printed()).contains("cannot read");
    }

    @Test
    void wrongArgumentsPrintUsage() {
        assertThat(new ImportCommand(transfer(), out).run(List.of())).isEqualTo(2);
        assertThat(new ExportCommand(transfer(), services().agents(), out).run(List.of()))
                .isEqualTo(2);
        assertThat(printed()).contains(ImportCommand.USAGE).contains(ExportCommand.USAGE);
    }

    @Test
    void exportOfAnUnknownAgentIsRefused() {
        int code = new ExportCommand(transfer(), services().agents(), out).run(List.of("Nobody"));

        assertThat(code).isEqualTo(1);
        assertThat(printed()).contains("there is no console agent called 'Nobody'");
    }
}
