package dev.kindred.agent;

import dev.kindred.memory.Speaker;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message for an agent from a front end. {@code sourceId} is the Discord message id (null in the
 * terminal): the same message delivered twice is stored and answered once.
 */
public record Inbound(
        String agentId,
        String channelId,
        Speaker speaker,
        String text,
        @Nullable String sourceId,
        Instant at) {}
