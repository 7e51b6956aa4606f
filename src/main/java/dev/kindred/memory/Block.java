package dev.kindred.memory;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A core-memory block. {@code agentIds} lists every agent it is attached to (more than one means a
 * shared block); {@code memberId} is set for a server member's own block (their {@code human} block
 * in a shared agent). {@code version} starts at 1 and moves by one with every change.
 */
public record Block(
        String id,
        String label,
        String value,
        int limit,
        String description,
        boolean readOnly,
        long version,
        Set<String> agentIds,
        @Nullable String memberId,
        String updatedBy,
        Instant updatedAt) {

    public static final int MAX_LIMIT = 100_000;
    public static final int DEFAULT_LIMIT = 5_000;

    public Block {
        Labels.require(label);
        BlockLimits.requireLimit(limit);
        BlockLimits.requireFits(label, value, limit);
        if (version < 1) {
            throw new IllegalArgumentException("block version starts at 1, got " + version);
        }
        agentIds = Set.copyOf(agentIds);
    }

    public boolean isMemberBlock() {
        return memberId != null;
    }

    public boolean isShared() {
        return agentIds.size() > 1;
    }
}
