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
import org.junit.jupiter.api.Test;

/** The mapper remembers what it made per message instance; what it shows must still follow the message. */
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
        Message call = new Message(
                "m2",
                "a1",
                2,
                Role.ASSISTANT,
                "",
                Speaker.AGENT,
                "dm-1",
                List.of(new ToolInvocation("c1", "conversation_search", "{\"query\":\"tea\"}")),
                null,
                null,
                AT,
                false);
        Message result = new Message(
                "m3",
                "a1",
                3,
                Role.TOOL,
                "{\"status\":\"OK\"}",
                new Speaker("tool", "conversation_search"),
                "dm-1",
                List.of(),
                "c1",
                null,
                AT,
                false);

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

    private static Message message(long seq, Role role, String text, boolean erased) {
        return new Message(
                "m" + seq, "a1", seq, role, text, new Speaker("42", "Ada"), "dm-1", List.of(), null, null, AT, erased);
    }

    private static String text(ChatMessage message) {
        return ((ContentPart.Text) message.parts().get(0)).text();
    }
}
