package dev.kindred.sleeptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.agent.AgentRuntime;
import dev.kindred.console.ConsoleChat;
import dev.kindred.console.ConsoleSession;
import dev.kindred.console.SleeptimeCommand;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.UserInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SleeptimeCommandTest {
    @TempDir
    Path dir;

    private SleeptimeFixture f;
    private ScheduledExecutorService threads;
    private AgentRuntime runtime;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private ConsoleSession session;
    private Agent agent;
    private SleeptimeCommand command;

    @BeforeEach
    void open() {
        f = new SleeptimeFixture(dir);
        threads = Executors.newSingleThreadScheduledExecutor();
        runtime = f.runtime(threads);
        agent = f.agent(AgentScope.console());
        session = new ConsoleSession(
                runtime, f.directory, new PrintStream(printed, true, StandardCharsets.UTF_8), agent.id());
        command = new SleeptimeCommand(f.service);
    }

    @AfterEach
    void close() {
        runtime.close();
        threads.shutdownNow();
        f.close();
    }

    private String run(String arguments) {
        printed.reset();
        command.run(session, arguments);
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void settingsChangeTheAgentAndShowInTheStatus() {
        run("frequency 7");
        run("model anthropic/claude-haiku-4-5");
        run("off");

        assertThat(f.services.agents().get(agent.id()).orElseThrow().sleeptime())
                .satisfies(s -> {
                    assertThat(s.enabled()).isFalse();
                    assertThat(s.frequency()).isEqualTo(7);
                    assertThat(s.model()).isEqualTo("anthropic/claude-haiku-4-5");
                });
        assertThat(run("status"))
                .contains("sleeptime: off, every 7 user messages per channel, model anthropic/claude-haiku-4-5");
        run("on");
        assertThat(run("")).startsWith("sleeptime: on");
    }

    @Test
    void runQueuesEverythingNotYetConsolidatedInTheChannel() {
        Speaker you = new Speaker("console", "you");
        f.say(agent, ConsoleChat.CHANNEL, you, "I adopted a cat named Miso");

        assertThat(run("run")).contains("queued");
        assertThat(f.jobs.latest(agent.id(), ConsoleChat.CHANNEL)).hasValueSatisfying(job -> {
            assertThat(job.fromSeq()).isEqualTo(1);
            assertThat(job.toSeq()).isEqualTo(2);
        });
        assertThat(run("status")).contains("queued: 1 job(s)");
        assertThatThrownBy(() -> run("run"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("nothing new");
    }

    @Test
    void badArgumentsAreExplained() {
        assertThatThrownBy(() -> run("frequency lots")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> run("frequency 0")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> run("model nonsense")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> run("dance")).hasMessageContaining("usage: /sleeptime");
    }
}
