package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.Speaker;
import dev.kindred.model.ChatRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarisationTest {
    @TempDir
    Path dir;

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aConversationThatOverflowsTheBudgetIsSummarisedAndNothingIsLost() {
        fixture = RuntimeFixture.builder(dir).contextWindow(2_000).build();
        Agent agent = fixture.directory.create("Sam", AgentScope.dm("42"), "42", "test/tiny");
        fixture.model.otherwise(this::answer);
        int turns = 30;

        for (int i = 0; i < turns; i++) {
            String text = longDay(i);
            TurnResult result = fixture.runtime
                    .submit(new Inbound(agent.id(), "dm-1", new Speaker("42", "Ada"), text, null, Instant.now()))
                    .join();
            assertThat(result.status()).isEqualTo(TurnResult.Status.REPLIED);
        }

        Agent after = fixture.services.agents().get(agent.id()).orElseThrow();
        assertThat(after.window().startSeq()).isGreaterThan(1);
        assertThat(after.window().summary()).startsWith("Summary #");
        List<Message> all = fixture.services.messages().range(agent.id(), 1, Long.MAX_VALUE);
        assertThat(all.stream().filter(m -> m.role() == Role.USER)).hasSize(turns);
        assertThat(all.stream().filter(m -> m.role() == Role.SUMMARY)).isNotEmpty();
        ChatRequest last = lastTurnRequest();
        assertThat(AgentRuntimeTest.userTexts(last).get(0))
                .contains("hidden from view")
                .contains("Summary #");
        assertThat(AgentRuntimeTest.userTexts(last)).noneMatch(t -> t.contains("place number 0 "));
        fixture.runtime.close(); // usage is written after each turn
        assertThat(fixture.usage)
                .as("every call is metered, the summaries too")
                .hasSize(fixture.model.requests().size());
        var hits = fixture.services.recall().search(agent.id(), SearchQuery.of("the zebra", 10));
        assertThat(hits)
                .extracting(h -> h.item().content())
                .anySatisfy(c -> assertThat(c).contains("place number 0 "));
    }

    @Test
    void aResetMadeWhileASummaryIsWrittenStands() {
        fixture = RuntimeFixture.builder(dir).contextWindow(2_000).build();
        Agent agent = fixture.directory.create("Sam", AgentScope.dm("42"), "42", "test/tiny");
        AtomicLong resetTo = new AtomicLong(-1);
        fixture.model.otherwise(request -> {
            if (request.tools().isEmpty() && resetTo.get() < 0) { // the first summary call
                resetTo.set(fixture.directory.reset(agent.id()).window().startSeq()); // the user types /reset
            }
            return answer(request);
        });

        for (int i = 0; i < 30 && resetTo.get() < 0; i++) {
            fixture.runtime
                    .submit(new Inbound(agent.id(), "dm-1", new Speaker("42", "Ada"), longDay(i), null, Instant.now()))
                    .join();
        }
        fixture.runtime.close();

        Agent after = fixture.services.agents().get(agent.id()).orElseThrow();
        assertThat(resetTo.get()).as("a summary was written").isPositive();
        assertThat(after.window().startSeq()).isGreaterThanOrEqualTo(resetTo.get());
        assertThat(after.window().summary()).isEmpty();
    }

    private static String longDay(int i) {
        return "Day " + i + ": today I visited place number " + i + " and saw the " + word(i)
                + ". It was a long walk through the hills, past the river, and the weather kept changing all afternoon.";
    }

    private ChatRequest lastTurnRequest() {
        List<ChatRequest> requests = fixture.model.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (!requests.get(i).tools().isEmpty()) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no turn request");
    }

    private static String word(int i) {
        return List.of("zebra", "lantern", "orchard", "glacier", "harbour", "violin")
                        .get(i % 6) + " " + i;
    }

    /** Scripted: summary requests (no tools) get a numbered summary, turns a short reply. */
    private final AtomicInteger summaries = new AtomicInteger();

    private dev.kindred.model.ChatResponse answer(ChatRequest request) {
        if (request.tools().isEmpty()) {
            return ScriptedModel.response(
                    "Summary #" + summaries.incrementAndGet() + ": Ada walked a lot.", List.of(), request);
        }
        return ScriptedModel.response("Sounds lovely.", List.of(), request);
    }
}
