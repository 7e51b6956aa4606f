package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TurnScopeTest {
    private static final Instant AT = Instant.parse("2025-01-06T10:00:00Z");

    /** Messages 1 to 10; 9 is this turn's own tool call, all others are user messages. */
    private final List<Message> window = LongStream.rangeClosed(1, 10)
            .mapToObj(seq -> message(seq, seq == 9 ? Role.ASSISTANT : Role.USER))
            .toList();

    @Test
    void theTurnsMessagesComeLastAndALaterOneWaitsForTheNextTurn() {
        TurnScope.Arranged arranged = new TurnScope(Set.of(5L, 8L), 8).arrange(window);

        assertThat(arranged.messages()).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 5L, 8L, 9L);
        assertThat(arranged.turnStart()).isEqualTo(6);
    }

    @Test
    void afterATurnEverythingButTheWaitingMessagesIsEarlierConversation() {
        assertThat(TurnScope.afterTurn(Set.of()).arrange(window).turnStart()).isEqualTo(10);

        TurnScope.Arranged waiting = TurnScope.afterTurn(Set.of(7L)).arrange(window);

        assertThat(waiting.messages()).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 9L, 7L);
        assertThat(waiting.turnStart()).isEqualTo(7);
    }

    private static Message message(long seq, Role role) {
        return new Message(
                "m" + seq,
                "a1",
                seq,
                role,
                "text " + seq,
                new Speaker("42", "Ada"),
                "dm-1",
                List.of(),
                null,
                null,
                AT,
                false);
    }
}
