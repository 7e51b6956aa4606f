package dev.kindred.memory.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Per-agent indexes, loaded from the store on first use and dropped least-recently-used when the
 * documents held over all agents pass the bound.
 *
 * <p>An empty index is published before it is filled, so a document appended while the store is
 * being read is added to it either by the fill or by {@link #addIfLoaded} (or both: the index
 * ignores a key it already has); searches wait for the fill to finish.
 */
final class IndexCache<K> {
    private static final int REWEIGH_EVERY = 1024;

    private final Cache<String, Slot<K>> cache;
    private final Supplier<HybridIndex<K>> create;
    private final BiConsumer<String, HybridIndex<K>> fill;

    IndexCache(long maxDocs, Supplier<HybridIndex<K>> create, BiConsumer<String, HybridIndex<K>> fill) {
        this.cache = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumWeight(maxDocs)
                .<String, Slot<K>>weigher((agentId, slot) -> Math.max(1, slot.index.size()))
                .build();
        this.create = create;
        this.fill = fill;
    }

    HybridIndex<K> get(String agentId) {
        Slot<K> slot = cache.get(agentId, id -> new Slot<>(id, create.get(), fill));
        if (!slot.loaded.isDone()) {
            slot.loaded.run();
            await(agentId, slot);
            cache.asMap().replace(agentId, slot, slot);
        }
        return slot.index;
    }

    /** Unloaded agents are skipped: their next load reads the document from the store. */
    void addIfLoaded(String agentId, IndexedDoc<K> doc) {
        Slot<K> slot = cache.getIfPresent(agentId);
        if (slot != null) {
            slot.index.add(doc);
            if (slot.loaded.isDone() && slot.index.size() % REWEIGH_EVERY == 0) {
                cache.asMap().replace(agentId, slot, slot);
            }
        }
    }

    /** Gives an indexed document of a loaded agent its vector. */
    void vectorIfLoaded(String agentId, K key, float[] vector) {
        Slot<K> slot = cache.getIfPresent(agentId);
        if (slot != null) {
            slot.index.setVector(key, vector);
        }
    }

    void evict(String agentId) {
        cache.invalidate(agentId);
    }

    private void await(String agentId, Slot<K> slot) {
        try {
            slot.loaded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the search index of " + agentId, e);
        } catch (ExecutionException e) {
            cache.asMap().remove(agentId, slot);
            throw new IllegalStateException("could not load the search index of " + agentId, e.getCause());
        }
    }

    /** An index and the one-time task that fills it from the store. */
    private static final class Slot<K> {
        final HybridIndex<K> index;
        final FutureTask<Void> loaded;

        Slot(String agentId, HybridIndex<K> index, BiConsumer<String, HybridIndex<K>> fill) {
            this.index = index;
            this.loaded = new FutureTask<>(() -> fill.accept(agentId, index), null);
        }
    }
}
