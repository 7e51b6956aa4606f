package dev.kindred.agentfile;

import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.NewBlock;
import java.util.List;

/**
 * Creates a block, replaying a Kindred export's history version by version with each version's
 * author, so the block's history (and revert) survive a round trip. The times of old versions are
 * the import's, as the store stamps them. A read-only block refuses edits, so it starts at its final
 * value.
 */
final class BlockHistoryReplay {
    private BlockHistoryReplay() {}

    static Block create(BlockStore store, BlockPlan plan, String agentId) {
        List<BlockPlan.VersionPlan> history = plan.history();
        if (history.isEmpty() || plan.readOnly()) {
            return store.create(spec(plan, agentId, plan.value()), Authors.IMPORT);
        }
        Block block = store.create(
                spec(plan, agentId, history.get(0).value()), history.get(0).author());
        for (BlockPlan.VersionPlan version : history.subList(1, history.size())) {
            block = store.update(block.id(), block.version(), version.value(), version.author());
        }
        return block;
    }

    private static NewBlock spec(BlockPlan plan, String agentId, String value) {
        return new NewBlock(
                agentId, plan.label(), value, plan.limit(), plan.description(), plan.readOnly(), plan.memberId());
    }
}
