package dev.kindred.agentfile;

import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.ToolInvocation;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A recall message to append; {@code erased} keeps a Kindred tombstone a tombstone. */
record MessagePlan(
        Role role,
        String content,
        Speaker speaker,
        String channelId,
        List<ToolInvocation> toolCalls,
        @Nullable String toolCallId,
        @Nullable String sourceId,
        Instant createdAt,
        boolean erased) {
    MessagePlan {
        toolCalls = List.copyOf(toolCalls);
    }

    NewMessage toNewMessage(String agentId) {
        return new NewMessage(agentId, role, content, speaker, channelId, toolCalls, toolCallId, sourceId, createdAt);
    }
}
