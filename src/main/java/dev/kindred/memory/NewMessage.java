package dev.kindred.memory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A message to append to an agent's recall; the store assigns the id and the sequence number. */
public record NewMessage(
        String agentId,
        Role role,
        String content,
        Speaker speaker,
        String channelId,
        List<ToolInvocation> toolCalls,
        @Nullable String toolCallId,
        @Nullable String sourceId,
        Instant createdAt) {

    public static final int MAX_CONTENT = 200_000;

    public NewMessage {
        toolCalls = List.copyOf(toolCalls);
        if (content.length() > MAX_CONTENT) {
            throw new UserInputException("a message is limited to " + MAX_CONTENT + " characters");
        }
    }

    public static NewMessage text(
            String agentId, Role role, String content, Speaker speaker, String channelId, Instant at) {
        return new NewMessage(agentId, role, content, speaker, channelId, List.of(), null, null, at);
    }

    /** The message as stored under {@code id} and number {@code seq}, created at {@code at}. */
    public Message stored(String id, long seq, Instant at) {
        return new Message(
                id, agentId, seq, role, content, speaker, channelId, toolCalls, toolCallId, sourceId, at, false);
    }
}
