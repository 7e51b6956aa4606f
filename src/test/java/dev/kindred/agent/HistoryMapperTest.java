package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.ToolInvocation;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ContentPart;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The mapper resumes each agent's last mapping after the messages it shares with it; what it shows
 * must always be what a fresh mapping of the same window shows.
 */
class HistoryMapperTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant AT = Instant.parse("2025-01-06T10:00:00Z");

    private final HistoryMapper mapper = new HistoryMapper();

    @Test
    void anErasedMessageShowsAsErasedAfterItsTextWasMapped() {
        Message said = message(1, Role.USER, "my door code is 4321", false);
        assertThat(text(mapper.map(List.of(said), UTC, false, 0).messages().get(0)))
                .contains("4321");

        Message erased = message(1, Role.USER, "my door code is 4321", true);

        assertThat(text(mapper.map(List.of(erased), UTC, false, 0).messages().get(0)))
                .doesNotContain("4321")
                .contains("[message erased at the author's request]");
    }

    @Test
    void theSameMessageIsStampedInTheZoneAndWithTheSpeakerIdsAskedFor() {
        Message said = message(1, Role.USER, "good morning", false);
        mapper.map(List.of(said), UTC, false, 0);

        assertThat(text(mapper.map(List.of(said), ZoneId.of("Europe/Berlin"), false, 0)
                        .messages()
                        .get(0)))
                .startsWith("[Mon 2025-01-06 11:00] Ada: ");
        assertThat(text(mapper.map(List.of(said), UTC, true, 0).messages().get(0)))
                .startsWith("[Mon 2025-01-06 10:00] Ada (id 42): ");
    }

    @Test
    void aRememberedCallIsStillPairedWithItsResultEveryTime() {
        Message call = call(2, "c1");
        Message result = result(3, "c1");

        for (int i = 0; i < 2; i++) {
            List<ChatMessage> mapped =
                    mapper.map(List.of(call, result), UTC, false, 0).messages();
            assertThat(mapped)
                    .extracting(ChatMessage::role)
                    .containsExactly(ChatMessage.Role.ASSISTANT, ChatMessage.Role.TOOL);
            assertThat(mapped.get(1).parts())
                    .singleElement()
                    .satisfies(p ->
                            assertThat(((ContentPart.ToolResult) p).isError()).isFalse());
        }
    }

    @Test
    void aWindowThatGrowsStepByStepMapsAsAFreshMapperWould() {
        List<Message> conversation = List.of(
                message(1, Role.USER, "hello", false),
                call(2, "c1"),
                result(3, "c1"),
                message(4, Role.ASSISTANT, "found it", false),
                message(5, Role.USER, "and the garden?", false),
                call(6, "c2"),
                call(7, "c3"),
                result(8, "c2"),
                result(9, "c3"),
                message(10, Role.ASSISTANT, "both done", false),
                message(11, Role.SYSTEM, "Stopped after 3 model calls in one turn.", false));

        for (int size = 1; size <= conversation.size(); size++) {
            List<Message> window = conversation.subList(0, size);
            for (int boundary = 0; boundary <= size; boundary++) {
                assertThat(mapper.map(window, UTC, false, boundary))
                        .as("%d messages, turn from %d", size, boundary)
                        .isEqualTo(new HistoryMapper().map(window, UTC, false, boundary));
            }
        }
    }

    @Test
    void aMessageErasedInTheMiddleOfTheWindowIsMappedAfresh() {
        Message first = message(1, Role.USER, "good morning", false);
        Message last = message(3, Role.USER, "see you", false);
        mapper.map(List.of(first, message(2, Role.USER, "my door code is 4321", false), last), UTC, false, 3);

        List<ChatMessage> mapped = mapper.map(
                        List.of(first, message(2, Role.USER, "my door code is 4321", true), last), UTC, false, 3)
                .messages();

        assertThat(mapped).extracting(HistoryMapperTest::text).noneMatch(line -> line.contains("4321"));
        assertThat(text(mapped.get(2))).endsWith("Ada: see you");
    }

    private static Message call(long seq, String callId) {
        return stored(
                seq,
                Role.ASSISTANT,
                "",
                Speaker.AGENT,
                List.of(new ToolInvocation(callId, "conversation_search", "{\"query\":\"tea\"}")),
                null,
                false);
    }

    private static Message result(long seq, String callId) {
        return stored(
                seq,
                Role.TOOL,
                "{\"status\":\"OK\",\"call\":\"" + callId + "\"}",
                new Speaker("tool", "conversation_search"),
                List.of(),
                callId,
                false);
    }

    private static Message message(long seq, Role role, String text, boolean erased) {
        return stored(seq, role, text, new Speaker("42", "Ada"), List.of(), null, erased);
    }

    private static Message stored(
            long seq,
            Role role,
            String content,
            Speaker speaker,
            List<ToolInvocation> calls,
            @Nullable String toolCallId,
            boolean erased) {
        return new Message("m" + seq, "a1", seq, role, content, speaker, "dm-1", calls, toolCallId, null, AT, erased);
    }

    private static String text(ChatMessage message) {
        return ((ContentPart.Text) message.parts().get(0)).text();
    }
}
