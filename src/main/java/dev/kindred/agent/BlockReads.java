package dev.kindred.agent;

import dev.kindred.memory.Block;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which version of each block a model has read during one sleeptime run, so that its rewrite of a
 * whole block ({@code memory_rethink}) lands only on the text it saw and never drops what someone
 * else wrote meanwhile. A block is read when the run's prompt shows it, when the model's own edit
 * lands on the version it had read, and when a refused rewrite shows the model the block's new value.
 * The primary agent has no whole-block rewrite; its edits are functions of the current value.
 */
public final class BlockReads {
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /** The blocks as the model's prompt shows them. */
    public static BlockReads of(Collection<Block> shown) {
        BlockReads reads = new BlockReads();
        shown.forEach(reads::saw);
        return reads;
    }

    void saw(Block block) {
        versions.put(block.id(), block.version());
    }

    boolean isCurrent(Block block) {
        Long read = versions.get(block.id());
        return read != null && read == block.version();
    }

    /** The model's edit turned {@code before} into {@code after}; it knows the result if it had read {@code before}. */
    void edited(Block before, Block after) {
        versions.replace(before.id(), before.version(), after.version());
    }
}
