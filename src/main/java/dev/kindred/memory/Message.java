package dev.kindred.memory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recall message, kept for good. {@code seq} is the agent's own sequence number (1, 2, ...).
 * {@code channelId} says where it was said (a Discord channel, or "console"); {@code sourceId} is
 * the Discord message id, unique per agent, so the same message is never stored twice.
 * {@code erased} marks a tombstone left by a privacy erasure: the sequence stays whole.
 */
public record Message(
        String id,
        String agentId,
        long seq,
        Role role,
        String content,
        Speaker speaker,
        String channelId,
        List<ToolInvocation> toolCalls,
        @Nullable String toolCallId,
        @Nullable String sourceId,
        Instant createdAt,
        boolean erased) {

    public Message {
        toolCalls = List.copyOf(toolCalls);
    }
}
