package dev.kindred.sleeptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.Inbound;
import dev.kindred.agent.TurnResult;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.Speaker;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.ContentPart;
import dev.kindred.model.ModelException;
import dev.kindred.model.ToolDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SleeptimeRunnerTest {
    private static final Speaker ADA = new Speaker("42", "Ada");
    private static final String INSERT_TEA = "{\"label\":\"human\",\"new_string\":\"Ada drinks green tea.\"}";
    private static final String REWRITE_TEA = "{\"label\":\"human\",\"new_memory\":\"Ada drinks green tea.\"}";

    @TempDir
    Path dir;

    private SleeptimeFixture f;

    @BeforeEach
    void open() {
        f = new SleeptimeFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Agent agentWithQueuedJob() {
        Agent agent = f.agent(AgentScope.dm(SleeptimeFixture.id()));
        f.say(agent, "dm", ADA, "I switched to green tea");
        f.say(agent, "dm", ADA, "it calms me");
        f.say(agent, "dm", ADA, "anyway, how are you?");
        assertThat(f.jobs.latest(agent.id(), "dm")).isPresent();
        return agent;
    }

    private String human(Agent agent) {
        return f.services.blocks().find(agent.id(), "human", null).orElseThrow().value();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aRunEditsBlocksAsSleeptimeAndReportsWhatItChanged() {
        Agent agent = agentWithQueuedJob();
        f.model.tool("memory_insert", INSERT_TEA).tool("memory_finish_edits", "{}");

        assertThat(f.runner.drain()).isEqualTo(1);

        Block human = f.services.blocks().find(agent.id(), "human", null).orElseThrow();
        assertThat(human.value()).endsWith("Ada drinks green tea.");
        assertThat(human.updatedBy()).isEqualTo(Authors.SLEEPTIME);
        ChatRequest first = f.model.sleeptimeRequests.get(0);
        assertThat(first.tools()).extracting(ToolDefinition::name).contains("memory_rethink", "memory_finish_edits");
        assertThat(first.messages().get(0).text())
                .contains("chars=\"21/2000\"", "Ada: I switched to green tea", "[2026-11-25 18:00]");
        assertThat(first.model()).isEqualTo("test/primary");
        assertThat(f.usage).hasSize(2);
        assertThat(f.service.status(agent.id()))
                .contains("sleeptime: on, every 3 user messages", "last run:", "human +22 chars", "dm: after 3 more");
    }

    @Test
    void aFinishedRunReplacesTheChannelsEarlierDoneJobAndTheNextJobStartsWhereItEnded() {
        Agent agent = agentWithQueuedJob();
        f.model.tool("memory_finish_edits", "{}");
        f.runner.drain();
        SleeptimeJob first = f.jobs.latest(agent.id(), "dm").orElseThrow();
        f.say(agent, "dm", ADA, "I also tried oolong");
        f.say(agent, "dm", ADA, "too bitter");
        f.say(agent, "dm", ADA, "back to green");
        f.model.tool("memory_finish_edits", "{}");

        assertThat(f.runner.drain()).isEqualTo(1);

        SleeptimeJob second = f.jobs.latest(agent.id(), "dm").orElseThrow();
        assertThat(second.fromSeq()).isEqualTo(first.toSeq() + 1);
        assertThat(f.jobs.recent(agent.id(), 10))
                .as("only the last done job of the channel is kept")
                .extracting(SleeptimeJob::fromSeq)
                .containsExactly(second.fromSeq());
        assertThat(f.jobs.get(first.id())).isEmpty();
    }

    @Test
    void aRunKilledBetweenStepsIsResumedAfterRestartWithoutApplyingAnEditTwice() {
        Agent agent = agentWithQueuedJob();
        f.model.tool("memory_insert", INSERT_TEA).then(request -> {
            throw new Killed();
        });
        assertThatThrownBy(() -> f.runner.runOnce()).isInstanceOf(Killed.class);
        assertThat(occurrences(human(agent), "green tea")).isEqualTo(1);

        f.restart();
        assertThat(f.runner.runOnce()).as("the dead runner's lease still holds").isFalse();
        f.clock.advance(SleeptimeFixture.CONFIG.lease().plusSeconds(1));
        f.model.tool("memory_finish_edits", "{}");
        assertThat(f.runner.runOnce()).isTrue();

        assertThat(occurrences(human(agent), "green tea")).isEqualTo(1);
        assertThat(f.model.sleeptimeRequests).hasSize(3);
        assertThat(f.jobs.latest(agent.id(), "dm").orElseThrow().status()).isEqualTo(SleeptimeJob.Status.DONE);
    }

    @Test
    void aRunKilledAfterAnEditLandedButBeforeItWasRecordedDoesNotApplyItAgain() {
        Agent agent = agentWithQueuedJob();
        f.model.tool("memory_insert", INSERT_TEA);
        SleeptimeRunner dying = f.runnerOver(DyingJobStore.afterTheEdit(f.jobs));
        assertThatThrownBy(dying::runOnce).isInstanceOf(Killed.class);
        assertThat(occurrences(human(agent), "green tea")).isEqualTo(1);

        f.restart();
        f.clock.advance(SleeptimeFixture.CONFIG.lease().plusSeconds(1));
        f.model.tool("memory_finish_edits", "{}");
        assertThat(f.runner.drain()).isEqualTo(1);

        assertThat(occurrences(human(agent), "green tea")).isEqualTo(1);
        assertThat(f.model.sleeptimeRequests)
                .as("the logged step is replayed, not asked again")
                .hasSize(2);
    }

    @Test
    void aRewriteOverAUserEditMadeMeanwhileIsRefusedAndShowsTheModelTheirText() {
        Agent agent = agentWithQueuedJob();
        f.model
                .then(callWhileTheUserEdits(agent, "memory_rethink", REWRITE_TEA))
                .then(request -> {
                    String refusal = lastToolResult(request);
                    assertThat(refusal).contains("changed by user:42").contains("Ada is a night owl.");
                    return f.model.call(
                            request,
                            "memory_rethink",
                            "{\"label\":\"human\",\"new_memory\":\"Ada is a night owl who drinks green tea.\"}");
                })
                .tool("memory_finish_edits", "{}");

        f.runner.drain();

        assertThat(human(agent)).isEqualTo("Ada is a night owl who drinks green tea.");
        assertLastWrittenByTheUserThenSleeptime(agent);
    }

    @Test
    void aRewriteAfterTheModelsOwnEditOfTheBlockItReadGoesThrough() {
        Agent agent = agentWithQueuedJob();
        f.model
                .tool("memory_insert", INSERT_TEA)
                .tool("memory_rethink", REWRITE_TEA)
                .tool("memory_finish_edits", "{}");

        f.runner.drain();

        assertThat(human(agent)).isEqualTo("Ada drinks green tea.");
    }

    @Test
    void aNewBlockIsCreatedWithinTheConfiguredLimitOrRefused() {
        Agent agent = agentWithQueuedJob();
        String tooLong = "x".repeat(SleeptimeFixture.DEFAULTS.blockLimit() + 1);
        f.model
                .tool("memory_rethink", "{\"label\":\"notes\",\"new_memory\":\"" + tooLong + "\"}")
                .tool("memory_rethink", "{\"label\":\"plans\",\"new_memory\":\"A trip in May.\"}")
                .tool("memory_finish_edits", "{}");

        f.runner.drain();

        assertThat(f.services.blocks().find(agent.id(), "notes", null)).isEmpty();
        assertThat(f.services.blocks().find(agent.id(), "plans", null))
                .get()
                .extracting(Block::limit)
                .isEqualTo(SleeptimeFixture.DEFAULTS.blockLimit());
        assertThat(f.jobs.latest(agent.id(), "dm")
                        .orElseThrow()
                        .applied()
                        .get(0)
                        .result())
                .contains("Failed")
                .contains("at most " + SleeptimeFixture.DEFAULTS.blockLimit());
    }

    private void assertLastWrittenByTheUserThenSleeptime(Agent agent) {
        Block human = f.services.blocks().find(agent.id(), "human", null).orElseThrow();
        assertThat(f.services.blocks().history(human.id()))
                .extracting(BlockVersion::author)
                .endsWith(Authors.user("42"), Authors.SLEEPTIME);
    }

    /** Ada sets her human block with /memory while a sleeptime run is under way. */
    private void userEditsHumanMeanwhile(Agent agent) {
        Block human = f.services.blocks().find(agent.id(), "human", null).orElseThrow();
        f.services.blocks().update(human.id(), human.version(), "Ada is a night owl.", Authors.user("42"));
    }

    /** A model step during which Ada edits her block: after the run read it, before the model's edit lands. */
    private Function<ChatRequest, ChatResponse> callWhileTheUserEdits(Agent agent, String tool, String arguments) {
        return request -> {
            userEditsHumanMeanwhile(agent);
            return f.model.call(request, tool, arguments);
        };
    }

    private static String lastToolResult(ChatRequest request) {
        ChatMessage last = request.messages().get(request.messages().size() - 1);
        return last.parts().stream()
                .filter(ContentPart.ToolResult.class::isInstance)
                .map(p -> ((ContentPart.ToolResult) p).content())
                .reduce("", String::concat);
    }

    @Test
    void aResumedRunAppliesItsEditEvenWhenAnotherAgentsSleeptimeEditedTheSharedBlockMeanwhile() {
        Agent a = f.agent(AgentScope.dm(SleeptimeFixture.id()));
        Agent b = f.agent(AgentScope.dm(SleeptimeFixture.id()));
        Block shared =
                f.services.blocks().create(NewBlock.of(a.id(), "world", "The cafe opens at 9."), Authors.user("42"));
        f.services.blocks().attach(shared.id(), b.id());
        for (int i = 0; i < 3; i++) {
            f.say(a, "dm", ADA, "a" + i);
            f.say(b, "dm", ADA, "b" + i);
        }
        f.model
                .tool("memory_insert", "{\"label\":\"world\",\"new_string\":\"Ada likes jazz.\"}")
                .tool("memory_insert", "{\"label\":\"world\",\"new_string\":\"Bob likes rock.\"}")
                .tool("memory_finish_edits", "{}");

        assertThatThrownBy(f.runnerOver(DyingJobStore.beforeTheEdit(f.jobs))::runOnce)
                .isInstanceOf(Killed.class); // a's run: intent logged, edit not made
        assertThat(f.runner.runOnce()).isTrue(); // b's run edits the shared block as sleeptime
        f.clock.advance(SleeptimeFixture.CONFIG.lease().plusSeconds(1));
        f.model.tool("memory_finish_edits", "{}");
        assertThat(f.runner.drain()).isEqualTo(1); // a's run, resumed

        assertThat(f.services.blocks().get(shared.id()).orElseThrow().value())
                .contains("Bob likes rock.")
                .contains("Ada likes jazz.");
    }

    @Test
    void sleeptimeEditDoesNotClobberUserEdit() {
        Agent agent = agentWithQueuedJob();
        f.model
                .then(callWhileTheUserEdits(agent, "memory_insert", INSERT_TEA))
                .tool(
                        "memory_replace",
                        "{\"label\":\"human\",\"old_string\":\"Nothing is known yet.\",\"new_string\":\"Ada.\"}")
                .tool("memory_finish_edits", "{}");

        f.runner.drain();

        assertThat(human(agent)).isEqualTo("Ada is a night owl.\nAda drinks green tea.");
        assertLastWrittenByTheUserThenSleeptime(agent);
        SleeptimeJob job = f.jobs.latest(agent.id(), "dm").orElseThrow();
        assertThat(job.applied().get(1).result())
                .as("the replace of text the user removed is skipped")
                .contains("Failed");
    }

    @Test
    void oneRunPerAgentAtATime() {
        Agent agent = f.agent(AgentScope.dm(SleeptimeFixture.id()));
        for (String channel : List.of("a", "b")) {
            for (int i = 0; i < 3; i++) {
                f.say(agent, channel, ADA, channel + i);
            }
        }

        assertThat(f.jobs.claim("first", f.clock.instant(), Duration.ofMinutes(5)))
                .isPresent();
        assertThat(f.jobs.claim("second", f.clock.instant(), Duration.ofMinutes(5)))
                .isEmpty();
        f.clock.advance(Duration.ofMinutes(6));
        assertThat(f.jobs.claim("second", f.clock.instant(), Duration.ofMinutes(5)))
                .isPresent();
    }

    @Test
    void anAgentsLaterJobWaitsWhileAnEarlierOneBacksOffSoTheConversationIsConsolidatedInOrder() {
        Agent agent = agentWithQueuedJob();
        f.model.then(request -> {
            throw new ModelException(ModelException.Kind.RATE_LIMITED, "slow down", Duration.ofMinutes(30), null);
        });
        assertThat(f.runner.runOnce()).isTrue(); // the first job fails and backs off for half an hour
        for (int i = 0; i < 3; i++) {
            f.say(agent, "dm", ADA, "later news " + i);
        }
        assertThat(f.jobs.latest(agent.id(), "dm").orElseThrow().fromSeq()).isGreaterThan(1);

        assertThat(f.runner.runOnce())
                .as("the later job waits for the earlier one")
                .isFalse();

        f.clock.advance(Duration.ofHours(1));
        f.model.tool("memory_finish_edits", "{}").tool("memory_finish_edits", "{}");
        assertThat(f.runner.drain()).isEqualTo(2);
        List<ChatRequest> requests = f.model.sleeptimeRequests;
        assertThat(requests.get(requests.size() - 2).messages().get(0).text()).contains("green tea");
        assertThat(requests.get(requests.size() - 1).messages().get(0).text()).contains("later news");
    }

    @Test
    void aFailingSleeptimeModelIsRetriedThenMarkedFailedWhileThePrimaryKeepsAnswering() throws Exception {
        ScheduledExecutorService threads = Executors.newSingleThreadScheduledExecutor();
        f.model.otherwise(request -> {
            throw ModelException.retriable("the sleeptime model is overloaded", null);
        });
        Agent agent = f.agent(AgentScope.dm(SleeptimeFixture.id()));
        try (AgentRuntime runtime = f.runtime(threads)) {
            for (int i = 0; i < 3; i++) {
                assertThat(say(runtime, agent, "hello " + i).reply()).isEqualTo("ok");
            }
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(f.runner.runOnce()).isTrue();
                assertThat(f.runner.runOnce()).as("backing off").isFalse();
                assertThat(say(runtime, agent, "still there?").reply()).isEqualTo("ok");
                f.clock.advance(Duration.ofHours(1));
            }
        } finally {
            threads.shutdownNow();
        }
        SleeptimeJob job = f.jobs.get(SleeptimeJob.idFor(agent.id(), "dm", 1)).orElseThrow();
        assertThat(job.status()).isEqualTo(SleeptimeJob.Status.FAILED);
        assertThat(job.attempts()).isEqualTo(3);
        assertThat(f.model.sleeptimeRequests).hasSize(3);
        assertThat(f.service.status(agent.id()))
                .contains("failed:", "the sleeptime model is overloaded (after 3 attempts)");
    }

    @Test
    void withSleeptimeOnThePrimaryHasNoBlockEditingTools() throws Exception {
        ScheduledExecutorService threads = Executors.newSingleThreadScheduledExecutor();
        Agent agent = f.agent(AgentScope.dm(SleeptimeFixture.id()));
        try (AgentRuntime runtime = f.runtime(threads)) {
            say(runtime, agent, "hi");
            f.service.update(agent.id(), s -> s.withEnabled(false));
            say(runtime, agent, "hi again");
        } finally {
            threads.shutdownNow();
        }
        assertThat(f.model.primaryRequests.get(0).tools())
                .extracting(ToolDefinition::name)
                .doesNotContain("memory_replace", "memory_insert", "memory_rethink")
                .contains("archival_memory_search");
        assertThat(f.model.primaryRequests.get(1).tools())
                .extracting(ToolDefinition::name)
                .contains("memory_replace", "memory_insert");
    }

    @Test
    void theRuntimeOwesAReplyFromTheStoredMessageUntilTheReplyIsHandedBack() {
        Agent agent = f.agent(AgentScope.dm(SleeptimeFixture.id()));
        List<Boolean> quietWhileTheTurnEnds = new CopyOnWriteArrayList<>();
        ScheduledExecutorService threads = Executors.newSingleThreadScheduledExecutor();
        try (AgentRuntime runtime = f.runtime(threads)) {
            runtime.addListener((a, channelId, userMessages) ->
                    quietWhileTheTurnEnds.add(runtime.replies().whenQuiet().isDone()));

            say(runtime, agent, "hi");

            assertThat(quietWhileTheTurnEnds).containsExactly(false);
            assertThat(runtime.replies().whenQuiet())
                    .as("given as the reply is handed back, well before the gate's 1 s bound")
                    .succeedsWithin(Duration.ofMillis(500));
        } finally {
            threads.shutdownNow();
        }
    }

    private TurnResult say(AgentRuntime runtime, Agent agent, String text) {
        return runtime.submit(new Inbound(agent.id(), "dm", ADA, text, null, f.clock.instant()))
                .join();
    }
}
