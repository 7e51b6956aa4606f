package dev.kindred.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.memory.AgentScope;
import dev.kindred.memory.UserInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void exportWritesTheFileAndPurgeGuildErasesTheServer() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path file = dir.resolve("marta.json");
        try (PrivacyWorld world = PrivacyWorld.seeded(dir.resolve("db"), ErasureHook.NONE)) {
            PrivacyCommandLine cli =
                    new PrivacyCommandLine(world.privacy, new PrintStream(printed, true, StandardCharsets.UTF_8));

            cli.run(List.of("export", "--user", PrivacyWorld.MARTA.id(), file.toString()));
            cli.run(List.of("purge-guild", PrivacyWorld.GUILD));

            assertThat(Files.readString(file)).contains(PrivacyWorld.MARTA_WORDS);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("wrote ", "erased: 1 agents")
                    .doesNotContain("zephyrine");
            assertThat(world.fixture.services.agents().list(AgentScope.guild(PrivacyWorld.GUILD)))
                    .isEmpty();
            assertThatThrownBy(() -> cli.run(List.of("export", "--user")))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("kindred privacy export --user ID");
        }
    }
}
