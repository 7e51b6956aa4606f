package dev.kindred.agent;

import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides when changed blocks enter the primary's prompt. Providers cache the prompt prefix, and the
 * memory section sits early in it: re-rendering it re-bills everything after it. So the rendered
 * section is reused until one of these happens:
 * <ul>
 *   <li>a user or the agent itself changed a block (they expect it to show at once);
 *   <li>a block was added or removed, or a new member's block joined the context;
 *   <li>the provider's cache has expired anyway (no call for {@code cacheTtl});
 *   <li>the window moved (a summary was written, which changes the prefix anyway);
 *   <li>the snapshot is older than {@code maxStaleness}.
 * </ul>
 * Edits by the sleeptime agent alone wait for one of those, which is what keeps the cache warm. A
 * block is known to have had only sleeptime edits when each compile finds it at most one version on,
 * written by sleeptime; a bigger step may hide a user's edit, so it refreshes.
 */
public final class MemorySnapshots {
    public static final Duration ANTHROPIC_CACHE_TTL = Duration.ofMinutes(5);

    private final Duration cacheTtl;
    private final Duration maxStaleness;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    public MemorySnapshots(Duration cacheTtl, Duration maxStaleness) {
        this.cacheTtl = cacheTtl;
        this.maxStaleness = maxStaleness;
    }

    /** The rendered text, and the blocks as last checked (rendered, or since changed by sleeptime only). */
    private record Snapshot(
            String text, Map<String, Block> blocks, long windowStart, Instant renderedAt, Instant lastUsedAt) {}

    /** The memory section for this call: the reused snapshot, or a fresh rendering. */
    String section(String agentId, List<Block> current, long windowStart, Instant now, Supplier<String> render) {
        Snapshot old = snapshots.get(agentId);
        Map<String, Block> byId = current.stream().collect(Collectors.toMap(Block::id, b -> b));
        Snapshot next = old != null && !mustRefresh(old, current, windowStart, now)
                ? new Snapshot(old.text, byId, old.windowStart, old.renderedAt, now)
                : new Snapshot(render.get(), byId, windowStart, now, now);
        snapshots.put(agentId, next);
        return next.text;
    }

    /** Forgets the agent's snapshot (after a reset, an import or an erasure). */
    public void invalidate(String agentId) {
        snapshots.remove(agentId);
    }

    private boolean mustRefresh(Snapshot old, List<Block> current, long windowStart, Instant now) {
        if (old.windowStart != windowStart
                || Duration.between(old.lastUsedAt, now).compareTo(cacheTtl) >= 0
                || Duration.between(old.renderedAt, now).compareTo(maxStaleness) >= 0
                || current.size() != old.blocks.size()) {
            return true;
        }
        for (Block block : current) {
            Block seen = old.blocks.get(block.id());
            if (seen == null) {
                return true;
            }
            boolean sleeptimeOnly =
                    block.version() == seen.version() + 1 && Authors.SLEEPTIME.equals(block.updatedBy());
            if (seen.version() != block.version() && !sleeptimeOnly) {
                return true;
            }
        }
        return false;
    }
}
