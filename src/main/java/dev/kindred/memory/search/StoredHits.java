package dev.kindred.memory.search;

import dev.kindred.memory.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns an index's ranked candidates into hits by reading their items from the store. The index
 * ranks more candidates than asked for, as spares for items erased or deleted since they were
 * indexed; the spares are read only when needed, and each read asks for all the hits still missing
 * at once (a round trip to the store costs more than the documents it brings).
 */
final class StoredHits {
    private StoredHits() {}

    /**
     * The first {@code limit} candidates whose items {@code read} still finds, best first; {@code read}
     * gets a batch of keys and returns the items it found by key. A candidate not found is passed to
     * {@code forget}, for the index to drop.
     */
    static <K, T> List<SearchHit<T>> read(
            List<Scored<K>> candidates, int limit, Function<List<K>, Map<K, T>> read, Consumer<K> forget) {
        List<SearchHit<T>> hits = new ArrayList<>();
        int taken = 0;
        while (hits.size() < limit && taken < candidates.size()) {
            List<Scored<K>> batch = candidates.subList(taken, Math.min(candidates.size(), taken + limit - hits.size()));
            taken += batch.size();
            Map<K, T> found = read.apply(batch.stream().map(Scored::key).toList());
            for (Scored<K> candidate : batch) {
                T item = found.get(candidate.key());
                if (item == null) {
                    forget.accept(candidate.key());
                } else {
                    hits.add(new SearchHit<>(item, candidate.score()));
                }
            }
        }
        return hits;
    }
}
