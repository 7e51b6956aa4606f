package dev.kindred.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.agent.RuntimeFixture;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Message;
import dev.kindred.memory.UserInputException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleChatTest {
    @TempDir
    Path dir;

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private String chat(Agent agent, String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleSession session = new ConsoleSession(fixture.runtime, fixture.directory, out, agent.id());
        ConsoleCommand model = ConsoleChat.modelCommand(m -> {
            if (!m.startsWith("test/")) {
                throw new UserInputException("unknown provider in '" + m + "'; configured: test");
            }
        });
        new ConsoleChat(session, List.of(model), Clock.systemUTC()).run(new BufferedReader(new StringReader(input)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesAreMessagesAndSlashCommandsWorkThroughStdin() throws Exception {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = fixture.directory.create("Sam", AgentScope.console(), "console", "test/tiny");
        fixture.model.reply("Hello there!");

        String output = chat(
                agent,
                String.join(
                        "\n",
                        "hi Sam",
                        "/memory persona",
                        "/archival add The spare key is under the blue pot.",
                        "/archival search where is the key",
                        "/model test/other",
                        "/model nowhere/else",
                        "/reset",
                        "/exit",
                        "ignored after exit"));

        assertThat(output).contains("Sam: Hello there!");
        assertThat(output).contains("[persona]").contains("warm, curious companion");
        assertThat(output).contains("stored as ");
        assertThat(output).contains("The spare key is under the blue pot.");
        assertThat(output).contains("model set to test/other");
        assertThat(output).contains("! unknown provider in 'nowhere/else'");
        assertThat(output).contains("Context window cleared");
        assertThat(output).endsWith("Bye.\n");
        Agent after = fixture.services.agents().get(agent.id()).orElseThrow();
        assertThat(after.model()).isEqualTo("test/other");
        assertThat(after.window().startSeq()).isEqualTo(3);
        assertThat(fixture.services.messages().range(agent.id(), 1, 10))
                .extracting(Message::content)
                .containsExactly("hi Sam", "Hello there!");
    }

    @Test
    void aFailedModelCallIsShownClearlyAndTheMessageKept() throws Exception {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = fixture.directory.create("Sam", AgentScope.console(), "console", "test/tiny");
        fixture.model.fail(dev.kindred.model.ModelException.fatal("the API key for test was rejected (401)"));

        String output = chat(agent, "are you there\n/exit\n");

        assertThat(output).contains("! I couldn't answer just now: the API key for test was rejected (401)");
        assertThat(fixture.services.messages().count(agent.id())).isEqualTo(1);
    }
}
