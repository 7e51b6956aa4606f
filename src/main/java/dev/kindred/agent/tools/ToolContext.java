package dev.kindred.agent.tools;

import dev.kindred.agent.BlockReads;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Speaker;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a tool call runs for: the agent, who spoke last (so {@code human} resolves to that member's
 * own block in a server agent), who is editing ({@code agent} or {@code sleeptime}), the time, the
 * block versions the model has read in this turn or run, and the channel of the conversation.
 */
public record ToolContext(
        Agent agent, Speaker speaker, String author, Instant now, BlockReads reads, String channelId) {

    /** The server channel of the conversation; null for an agent that lives in DMs (or the console). */
    public @Nullable String serverChannelId() {
        return agent.scope().kind() == AgentScope.Kind.GUILD ? channelId : null;
    }
}
