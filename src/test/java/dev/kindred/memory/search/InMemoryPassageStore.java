package dev.kindred.memory.search;

import dev.kindred.memory.Passage;
import dev.kindred.memory.PassageStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A {@link PassageStore} in maps, for tests and benchmarks; counts reads so tests can see them. */
public final class InMemoryPassageStore implements PassageStore {
    private final Map<String, Map<String, Passage>> passages = new ConcurrentHashMap<>();

    private Map<String, Passage> of(String agentId) {
        return passages.computeIfAbsent(agentId, id -> new ConcurrentHashMap<>());
    }

    @Override
    public Passage insert(Passage passage) {
        of(passage.agentId()).put(passage.id(), passage);
        return passage;
    }

    @Override
    public Optional<Passage> get(String agentId, String passageId) {
        return Optional.ofNullable(of(agentId).get(passageId));
    }

    @Override
    public List<Passage> list(String agentId, int offset, int limit) {
        List<Passage> newestFirst = oldestFirst(agentId);
        Collections.reverse(newestFirst);
        return newestFirst.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public void forEach(String agentId, Consumer<Passage> visitor) {
        oldestFirst(agentId).forEach(visitor);
    }

    private List<Passage> oldestFirst(String agentId) {
        List<Passage> all = new ArrayList<>(of(agentId).values());
        all.sort(Comparator.comparing(Passage::createdAt).thenComparing(Passage::id));
        return all;
    }

    @Override
    public long count(String agentId) {
        return of(agentId).size();
    }

    @Override
    public boolean delete(String agentId, String passageId) {
        return of(agentId).remove(passageId) != null;
    }

    @Override
    public long deleteAll(String agentId) {
        Map<String, Passage> removed = passages.remove(agentId);
        return removed == null ? 0 : removed.size();
    }
}
