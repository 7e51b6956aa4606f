package dev.kindred.agent.tools;

import dev.kindred.agent.BlockReads;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Speaker;
import java.time.Instant;

/**
 * What a tool call runs for: the agent, who spoke last (so {@code human} resolves to that member's
 * own block in a server agent), who is editing ({@code agent} or {@code sleeptime}), the time, and
 * the block versions the model has read in this turn or run.
 */
public record ToolContext(Agent agent, Speaker speaker, String author, Instant now, BlockReads reads) {}
