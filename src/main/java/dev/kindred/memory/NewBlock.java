package dev.kindred.memory;

import org.jspecify.annotations.Nullable;

/** What it takes to create a block for one agent (optionally as one member's own block). */
public record NewBlock(
        String agentId,
        String label,
        String value,
        int limit,
        String description,
        boolean readOnly,
        @Nullable String memberId) {

    public NewBlock {
        Labels.require(label);
        BlockLimits.requireLimit(limit);
        BlockLimits.requireFits(label, value, limit);
    }

    public static NewBlock of(String agentId, String label, String value) {
        return new NewBlock(agentId, label, value, Block.DEFAULT_LIMIT, "", false, null);
    }
}
