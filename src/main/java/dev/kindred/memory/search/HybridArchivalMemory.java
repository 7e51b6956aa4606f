package dev.kindred.memory.search;

import dev.kindred.embed.Embedder;
import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Passage;
import dev.kindred.memory.PassageStore;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Archival memory over a {@link PassageStore}: inserts are embedded, stored, then indexed; searches
 * run on the agent's in-memory index and read the winning passages back from the store.
 */
public final class HybridArchivalMemory implements ArchivalMemory {
    private final PassageStore store;
    private final Embedder embedder;
    private final Clock clock;
    private final IndexCache<String> indexes;

    public HybridArchivalMemory(PassageStore store, Embedder embedder, Clock clock, SearchSettings settings) {
        this.store = store;
        this.embedder = embedder;
        this.clock = clock;
        this.indexes = new IndexCache<>(
                settings.maxIndexedDocs(), () -> new HybridIndex<>(embedder.dimensions(), settings), this::load);
    }

    @Override
    public Passage insert(String agentId, String text, List<String> tags, String source, @Nullable String channelId) {
        float[] vector = embedder.embed(text);
        Passage passage = new Passage(
                UUID.randomUUID().toString(), agentId, text, tags, vector, clock.instant(), source, channelId);
        Passage stored = store.insert(passage);
        indexes.addIfLoaded(agentId, doc(stored));
        return stored;
    }

    @Override
    public List<SearchHit<Passage>> search(String agentId, SearchQuery query) {
        HybridIndex<String> index = indexes.get(agentId);
        SearchQuery withoutRoles = new SearchQuery(
                query.text(), query.tags(), query.matchAllTags(), query.from(), query.to(), Set.of(), query.limit());
        return StoredHits.read(
                index.search(withoutRoles, () -> embedder.embed(query.text()), query.limit() * 2 + 5),
                query.limit(),
                ids -> store.byIds(agentId, ids).stream().collect(Collectors.toMap(Passage::id, p -> p)),
                index::remove);
    }

    @Override
    public boolean delete(String agentId, String passageId) {
        boolean deleted = store.delete(agentId, passageId);
        indexes.get(agentId).remove(passageId);
        return deleted;
    }

    @Override
    public void evict(String agentId) {
        indexes.evict(agentId);
    }

    private void load(String agentId, HybridIndex<String> index) {
        store.forEach(agentId, passage -> index.add(doc(passage)));
    }

    /** Tags are searchable words too: a passage tagged "recipes" answers "recipe". */
    private IndexedDoc<String> doc(Passage passage) {
        String text = passage.text() + "\n" + String.join(" ", passage.tags());
        return new IndexedDoc<>(passage.id(), text, vector(passage), passage.createdAt(), null, passage.tags(), null);
    }

    /** A passage stored without its vector (or by another embedder) is embedded again. */
    private float[] vector(Passage passage) {
        float[] stored = passage.embedding();
        return stored.length == embedder.dimensions() ? stored : embedder.embed(passage.text());
    }
}
