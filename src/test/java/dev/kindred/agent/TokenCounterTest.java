package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.ToolInvocation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
    private static final Instant T0 = Instant.parse("2025-01-06T10:00:00Z");

    private final TokenCounter tokens = new TokenCounter();

    @Test
    void aMessageCountsItsTextAndToolCallsPlusItsFraming() {
        Message plain = message("a:1", "The lighthouse was closed for repairs all week.", List.of(), T0);
        Message call = message(
                "a:2", "", List.of(new ToolInvocation("c1", "conversation_search", "{\"query\":\"lighthouse\"}")), T0);

        assertThat(tokens.count(plain)).isGreaterThan(tokens.count(plain.content()));
        assertThat(tokens.count(call))
                .isGreaterThan(tokens.count("conversation_search") + tokens.count("{\"query\":\"lighthouse\"}"));
    }

    @Test
    void aNumberReusedAfterAResetIsCountedAfresh() {
        Message before = message("a:1", "hi", List.of(), T0);
        Message afterReset = message("a:1", "word ".repeat(500), List.of(), T0.plusSeconds(60));

        int small = tokens.count(before);

        assertThat(tokens.count(afterReset)).isGreaterThan(small + 400);
    }

    @Test
    void anErasedMessageCountsOnlyItsTombstone() {
        Message erased = new Message("a:3", "a", 3, Role.USER, "", Speaker.AGENT, "c", List.of(), null, null, T0, true);

        assertThat(tokens.count(erased)).isLessThan(30);
    }

    @Test
    void aWindowCountsEachMessageOnceAsItGrowsAndAgainWhenOneIsReplaced() {
        Message short1 = numbered(1, "hi");
        Message long2 = numbered(2, "word ".repeat(300));
        Message short3 = numbered(3, "bye");
        assertThat(tokens.count(List.of(short1, long2))).isEqualTo(tokens.count(short1) + tokens.count(long2));
        assertThat(tokens.count(List.of(short1, long2, short3)))
                .isEqualTo(tokens.count(short1) + tokens.count(long2) + tokens.count(short3));

        Message erased2 =
                new Message("a:2", "a", 2, Role.USER, "", Speaker.AGENT, "c", List.of(), null, null, T0, true);

        assertThat(tokens.count(List.of(short1, erased2, short3)))
                .isEqualTo(tokens.count(short1) + tokens.count(erased2) + tokens.count(short3))
                .isLessThan(100);
    }

    private static Message numbered(long seq, String text) {
        return new Message("a:" + seq, "a", seq, Role.USER, text, Speaker.AGENT, "c", List.of(), null, null, T0, false);
    }

    private static Message message(String id, String text, List<ToolInvocation> calls, Instant at) {
        return new Message(id, "a", 1, Role.ASSISTANT, text, Speaker.AGENT, "c", calls, null, null, at, false);
    }
}
