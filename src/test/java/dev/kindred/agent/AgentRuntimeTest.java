package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ContentPart;
import dev.kindred.model.ModelException;
import dev.kindred.model.ToolCall;
import dev.kindred.model.Usage;
import dev.kindred.model.UsageRecord;
import dev.kindred.store.MongoUsageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRuntimeTest {
    private static final Speaker ADA = new Speaker("42", "Ada");

    @TempDir
    Path dir;

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private Agent agentWithoutSleeptime(RuntimeFixture f) {
        Agent agent = f.directory.create("Sam", AgentScope.dm("42"), "42", "test/tiny");
        return f.services
                .agents()
                .update(agent.id(), a -> a.withSleeptime(a.sleeptime().withEnabled(false)));
    }

    private TurnResult say(RuntimeFixture f, Agent agent, String text) {
        return f.runtime
                .submit(new Inbound(agent.id(), "dm-1", ADA, text, null, Instant.now()))
                .join();
    }

    /** The new message's embedding is background work: it must not compete with its own reply. */
    @Test
    void embeddingTheMessageWaitsUntilItsReplyIsGiven() {
        fixture = RuntimeFixture.builder(dir).embedInBackground().build();
        Agent agent = agentWithoutSleeptime(fixture);
        AtomicBoolean embeddedDuringTheTurn = new AtomicBoolean();
        fixture.model.then(request -> {
            embeddedDuringTheTurn.set(embedded(agent, Duration.ofMillis(300)));
            return ScriptedModel.response("Lighthouses are lovely.", List.of(), request);
        });

        say(fixture, agent, "I love lighthouses");

        assertThat(embeddedDuringTheTurn).isFalse();
        assertThat(embedded(agent, Duration.ofSeconds(10))).isTrue();
    }

    private boolean embedded(Agent agent, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            AtomicBoolean found = new AtomicBoolean();
            fixture.storage.messageVectors().forEach(agent.id(), (vector, seq) -> found.set(true));
            if (found.get()) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        } while (System.nanoTime() < deadline);
        return false;
    }

    @Test
    void toolCallEditingABlockChangesStorageAndTheNextRequestShowsIt() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model
                .toolCall(
                        "memory_replace",
                        "{\"label\":\"human\",\"old_string\":\"Nothing is known about this person yet.\",\"new_string\":\"Name: Ada. Loves lighthouses.\"}")
                .reply("Nice to meet you, Ada!");

        TurnResult result = say(fixture, agent, "Hi, I'm Ada and I love lighthouses");

        assertThat(result.status()).isEqualTo(TurnResult.Status.REPLIED);
        assertThat(result.reply()).isEqualTo("Nice to meet you, Ada!");
        Block human = fixture.services.blocks().find(agent.id(), "human", null).orElseThrow();
        assertThat(human.value()).isEqualTo("Name: Ada. Loves lighthouses.");
        assertThat(human.updatedBy()).isEqualTo("agent");
        ChatRequest second = fixture.model.requests().get(1);
        assertThat(second.system().get(1).text()).contains("Name: Ada. Loves lighthouses.");
        assertThat(toolResults(second))
                .singleElement()
                .satisfies(r -> assertThat(r.content()).contains("\"status\":\"OK\""));
    }

    @Test
    void aFailingToolReportsAFailedResultAndTheTurnGoesOn() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model
                .toolCall("memory_replace", "{\"label\":\"human\",\"old_string\":\"absent text\",\"new_string\":\"x\"}")
                .toolCall("memory_insert", "{not json")
                .reply("Sorry, let me just answer.");

        TurnResult result = say(fixture, agent, "hello");

        assertThat(result.status()).isEqualTo(TurnResult.Status.REPLIED);
        List<ContentPart.ToolResult> results = toolResults(fixture.model.lastRequest());
        assertThat(results).hasSize(2);
        assertThat(results.get(0).content()).contains("\"status\":\"Failed\"").contains("did not appear verbatim");
        assertThat(results.get(1).content()).contains("\"status\":\"Failed\"").contains("not valid JSON");
        List<Message> stored = fixture.services.messages().range(agent.id(), 1, Long.MAX_VALUE);
        assertThat(stored)
                .extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
    }

    /** A search changes nothing, so its record waits for the reply and both go in one write. */
    @Test
    void aSearchStepIsShownToTheNextCallAndStoredWithTheReply() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);

        int storedWhenAnswering =
                storedWhenTheModelAnswersAfter(agent, "conversation_search", "{\"query\":\"lighthouse\"}");

        assertThat(toolResults(fixture.model.lastRequest()))
                .singleElement()
                .satisfies(r -> assertThat(r.content()).contains("\"status\":\"OK\""));
        assertThat(storedWhenAnswering).isEqualTo(1);
        assertThat(stored(agent))
                .extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
        assertThat(stored(agent)).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L);
    }

    /** A memory edit has happened once its tool has run, so its record is stored before the next call. */
    @Test
    void aMemoryEditStepIsStoredBeforeTheModelIsCalledAgain() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);

        int storedWhenAnswering = storedWhenTheModelAnswersAfter(
                agent, "memory_insert", "{\"label\":\"human\",\"new_string\":\"Loves lighthouses.\"}");

        assertThat(storedWhenAnswering).isEqualTo(3);
        assertThat(stored(agent)).hasSize(4);
    }

    /** Runs a turn in which the model calls {@code tool}, then answers; how many messages were stored as it answered. */
    private int storedWhenTheModelAnswersAfter(Agent agent, String tool, String arguments) {
        AtomicInteger storedWhenAnswering = new AtomicInteger(-1);
        fixture.model.toolCall(tool, arguments).then(request -> {
            storedWhenAnswering.set(stored(agent).size());
            return ScriptedModel.response("Noted.", List.of(), request);
        });
        say(fixture, agent, "what about lighthouses?");
        return storedWhenAnswering.get();
    }

    @Test
    void aSearchStepIsStoredWhenTheNextModelCallFails() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model
                .toolCall("archival_memory_search", "{\"query\":\"lighthouse\"}")
                .fail(ModelException.fatal("the API key for test was rejected (401)"));

        TurnResult result = say(fixture, agent, "what do you know about lighthouses?");

        assertThat(result.status()).isEqualTo(TurnResult.Status.FAILED);
        assertThat(stored(agent)).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
    }

    private List<Message> stored(Agent agent) {
        return fixture.services.messages().range(agent.id(), 1, Long.MAX_VALUE);
    }

    @Test
    void theStepLimitEndsARunawayLoopWithAStoredNote() {
        fixture = RuntimeFixture.builder(dir).maxSteps(3).build();
        Agent agent = agentWithoutSleeptime(fixture);
        for (int i = 0; i < 3; i++) {
            fixture.model.toolCall("conversation_search", "{\"query\":\"anything\"}");
        }

        TurnResult result = say(fixture, agent, "loop please");

        assertThat(result.status()).isEqualTo(TurnResult.Status.STEP_LIMIT);
        assertThat(fixture.model.requests()).hasSize(3);
        assertThat(stored(agent)).hasSize(1 + 3 * 2 + 1);
        Message last = fixture.services.messages().latest(agent.id(), 1).get(0);
        assertThat(last.role()).isEqualTo(Role.SYSTEM);
        assertThat(last.content()).contains("Stopped after 3 model calls");
    }

    @Test
    void threeQuickMessagesWithinTheDebounceAreAnsweredInOneTurn() {
        ManualScheduler scheduler = new ManualScheduler();
        fixture = RuntimeFixture.builder(dir)
                .scheduler(scheduler)
                .debounce(Duration.ofMillis(1500))
                .build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model.reply("All three, got it.");

        List<CompletableFuture<TurnResult>> answers = List.of("one", "two", "three").stream()
                .map(text -> fixture.runtime.submit(new Inbound(agent.id(), "dm-1", ADA, text, null, Instant.now())))
                .toList();
        assertThat(fixture.model.requests()).isEmpty();
        scheduler.fire();

        List<TurnResult> results = answers.stream().map(CompletableFuture::join).toList();
        assertThat(results).extracting(TurnResult::reply).containsOnly("All three, got it.");
        assertThat(fixture.model.requests()).hasSize(1);
        assertThat(userTexts(fixture.model.requests().get(0))).hasSize(3);
    }

    @Test
    void withoutADebounceATurnStartsWithoutWaitingForATimer() {
        ManualScheduler scheduler = new ManualScheduler();
        fixture = RuntimeFixture.builder(dir).scheduler(scheduler).build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model.reply("Straight away.");

        CompletableFuture<TurnResult> answer =
                fixture.runtime.submit(new Inbound(agent.id(), "dm-1", ADA, "hi", null, Instant.now()));

        assertThat(answer)
                .succeedsWithin(Duration.ofSeconds(10))
                .extracting(TurnResult::reply)
                .isEqualTo("Straight away.");
    }

    @Test
    void messagesArrivingDuringATurnAreCoalescedIntoTheNextTurn() throws Exception {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);
        HeldCall held = new HeldCall();
        fixture.model
                .then(held.answering(request -> ScriptedModel.response("first answer", List.of(), request)))
                .reply("second answer");

        CompletableFuture<TurnResult> first = fixture.runtime.submit(inbound(agent, "first"));
        held.awaitStarted();
        CompletableFuture<TurnResult> a = fixture.runtime.submit(inbound(agent, "and another"));
        CompletableFuture<TurnResult> b = fixture.runtime.submit(inbound(agent, "and one more"));
        held.release();

        assertThat(first.get(10, TimeUnit.SECONDS).reply()).isEqualTo("first answer");
        assertThat(a.get(10, TimeUnit.SECONDS).reply()).isEqualTo("second answer");
        assertThat(b.get(10, TimeUnit.SECONDS).reply()).isEqualTo("second answer");
        assertThat(fixture.model.requests()).hasSize(2);
    }

    @Test
    void aMessageArrivingDuringATurnIsShownAfterThatTurnsReplyAndNotBefore() throws Exception {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);
        HeldCall held = new HeldCall();
        fixture.model
                .then(held.answering(request -> ScriptedModel.response(
                        "", List.of(new ToolCall("c1", "conversation_search", "{\"query\":\"tea\"}")), request)))
                .reply("first answer")
                .reply("second answer");

        CompletableFuture<TurnResult> first = fixture.runtime.submit(inbound(agent, "first question"));
        held.awaitStarted();
        CompletableFuture<TurnResult> second = fixture.runtime.submit(inbound(agent, "second question"));
        held.release();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        List<ChatRequest> requests = fixture.model.requests();
        assertThat(userTexts(requests.get(1)))
                .as("the first turn's second step does not answer the next turn's message")
                .noneMatch(t -> t.contains("second question"));
        List<ChatMessage> next = requests.get(2).messages();
        assertThat(next.get(next.size() - 2).text()).isEqualTo("first answer");
        assertThat(next.get(next.size() - 1).role()).isEqualTo(ChatMessage.Role.USER);
        assertThat(next.get(next.size() - 1).text()).contains("second question");
    }

    @Test
    void theSummaryAfterATurnLeavesTheMessagesWaitingForTheNextTurnInView() throws Exception {
        fixture = RuntimeFixture.builder(dir).contextWindow(2_000).build();
        Agent agent = agentWithoutSleeptime(fixture);
        HeldCall held = new HeldCall();
        fixture.model.then(held.answering(request -> ScriptedModel.response("hello!", List.of(), request)));
        fixture.model.otherwise(request -> request.tools().isEmpty()
                ? ScriptedModel.response("Summary: Ada said hello.", List.of(), request)
                : ScriptedModel.response("About your poem...", List.of(), request));
        StringBuilder poem = new StringBuilder("Here is my poem: ");
        for (int i = 0; i < 60; i++) {
            poem.append("the quiet harbour lantern number ").append(i).append(" glows, ");
        }

        CompletableFuture<TurnResult> first = fixture.runtime.submit(inbound(agent, "hi there"));
        held.awaitStarted();
        CompletableFuture<TurnResult> pasted = fixture.runtime.submit(inbound(agent, poem.toString()));
        CompletableFuture<TurnResult> asked = fixture.runtime.submit(inbound(agent, "what do you think of it?"));
        held.release();
        first.get(10, TimeUnit.SECONDS);
        pasted.get(10, TimeUnit.SECONDS);
        asked.get(10, TimeUnit.SECONDS);

        List<ChatRequest> turns = fixture.model.requests().stream()
                .filter(r -> !r.tools().isEmpty())
                .toList();
        assertThat(fixture.model.requests()).as("a summary was written").hasSizeGreaterThan(turns.size());
        assertThat(userTexts(turns.get(turns.size() - 1)))
                .anySatisfy(t -> assertThat(t).contains("lantern number 59"))
                .anySatisfy(t -> assertThat(t).contains("what do you think of it?"));
    }

    @Test
    void everyModelCallOfATurnIsWrittenToTheUsageStoreWithItsCost() {
        fixture = RuntimeFixture.builder(dir).usageInStore().build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model
                .toolCall("archival_memory_insert", "{\"content\":\"Ada's door is blue.\"}")
                .reply("Noted.");

        assertThat(say(fixture, agent, "my door is blue").status()).isEqualTo(TurnResult.Status.REPLIED);
        fixture.runtime.close(); // the usage is written after the reply, with the turn's other after-work

        List<UsageRecord> history = new MongoUsageStore(fixture.storage.database()).history(agent.id());
        assertThat(history).hasSize(1);
        assertThat(history.get(0).model()).isEqualTo("test/tiny");
        assertThat(history.get(0).usage()).isEqualTo(new Usage(200, 0, 0, 20)); // two calls, scripted 100 in, 10 out
        assertThat(history.get(0).costUsd()).isPositive();
    }

    @Test
    void aUsageStoreThatFailsCostsNeitherTheReplyNorTheRecordOfTheCall() {
        AtomicInteger outages = new AtomicInteger(1);
        List<Usage> written = new CopyOnWriteArrayList<>();
        fixture = RuntimeFixture.builder(dir)
                .usageMeter((agentId, model, used) -> {
                    if (outages.getAndDecrement() > 0) {
                        throw new IllegalStateException("usage store unavailable");
                    }
                    written.add(used);
                })
                .build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model
                .toolCall("archival_memory_insert", "{\"content\":\"Ada's door is blue.\"}")
                .reply("Noted.");
        fixture.model.reply("Hello again.");

        TurnResult first = say(fixture, agent, "my door is blue");
        TurnResult second = say(fixture, agent, "hello");
        fixture.runtime.close();

        assertThat(first.reply()).isEqualTo("Noted.");
        assertThat(second.reply()).isEqualTo("Hello again.");
        assertThat(written)
                .as("the first turn's calls are written after the second turn")
                .hasSize(3);
    }

    @Test
    void aModelErrorKeepsTheUserMessageAndTheNextTurnSeesIt() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model
                .fail(ModelException.fatal("the API key for test was rejected (401)"))
                .reply("Now I can answer.");

        TurnResult failed = say(fixture, agent, "remember the blue door");

        assertThat(failed.status()).isEqualTo(TurnResult.Status.FAILED);
        assertThat(failed.reply()).contains("the API key for test was rejected").contains("saved");
        assertThat(fixture.services.messages().range(agent.id(), 1, Long.MAX_VALUE))
                .extracting(Message::content)
                .containsExactly("remember the blue door");

        say(fixture, agent, "are you there?");
        assertThat(userTexts(fixture.model.lastRequest()))
                .anySatisfy(t -> assertThat(t).contains("remember the blue door"))
                .anySatisfy(t -> assertThat(t).contains("are you there?"));
    }

    @Test
    void aFallbackModelAnswersWhenThePrimaryModelFails() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.services.agents().update(agent.id(), a -> a.withModel("test/tiny", "test/backup"));
        fixture.model.fail(ModelException.retriable("overloaded", null)).reply("from the backup");

        TurnResult result = say(fixture, agent, "hello");

        assertThat(result.reply()).isEqualTo("from the backup");
        assertThat(fixture.model.requests()).extracting(ChatRequest::model).containsExactly("test/tiny", "test/backup");
    }

    @Test
    void theSameDiscordMessageIsStoredAndAnsweredOnce() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model.reply("hi");
        Inbound inbound = new Inbound(agent.id(), "dm-1", ADA, "hello", "discord-msg-1", Instant.now());

        TurnResult first = fixture.runtime.submit(inbound).join();
        TurnResult again = fixture.runtime.submit(inbound).join();

        assertThat(first.status()).isEqualTo(TurnResult.Status.REPLIED);
        assertThat(again.status()).isEqualTo(TurnResult.Status.DUPLICATE);
        assertThat(fixture.services.messages().count(agent.id())).isEqualTo(2);
    }

    @Test
    void withSleeptimeOnThePrimaryGetsNoBlockEditingTools() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = fixture.directory.create("Sam", AgentScope.dm("42"), "42", "test/tiny");
        assertThat(agent.sleeptime().enabled()).isTrue();
        fixture.model.reply("hi");

        say(fixture, agent, "hello");

        assertThat(fixture.model.lastRequest().tools())
                .extracting(t -> t.name())
                .containsExactly("archival_memory_insert", "archival_memory_search", "conversation_search");
    }

    @Test
    void promptIsLaidOutStableFirstWithCacheBreakpoints() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = agentWithoutSleeptime(fixture);
        fixture.model.reply("one").reply("two");

        say(fixture, agent, "first");
        say(fixture, agent, "second");

        ChatRequest first = fixture.model.requests().get(0);
        ChatRequest second = fixture.model.requests().get(1);
        assertThat(second.system()).isEqualTo(first.system());
        assertThat(second.system()).allMatch(p -> p.cacheBreakpoint());
        List<ChatMessage> history = second.messages();
        assertThat(history).hasSize(3);
        assertThat(history.get(1).cacheBreakpoint())
                .as("end of the previous turn")
                .isTrue();
        assertThat(history.get(2).cacheBreakpoint()).as("end of this request").isTrue();
        assertThat(history.get(0).cacheBreakpoint()).isFalse();
    }

    private Inbound inbound(Agent agent, String text) {
        return new Inbound(agent.id(), "dm-1", ADA, text, null, Instant.now());
    }

    static List<ContentPart.ToolResult> toolResults(ChatRequest request) {
        return request.messages().stream()
                .flatMap(m -> m.parts().stream())
                .filter(ContentPart.ToolResult.class::isInstance)
                .map(ContentPart.ToolResult.class::cast)
                .toList();
    }

    static List<String> userTexts(ChatRequest request) {
        return request.messages().stream()
                .filter(m -> m.role() == ChatMessage.Role.USER)
                .map(ChatMessage::text)
                .toList();
    }
}
