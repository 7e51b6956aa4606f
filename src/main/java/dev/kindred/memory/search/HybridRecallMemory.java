package dev.kindred.memory.search;

import dev.kindred.embed.Embedder;
import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recall memory over a {@link MessageStore}: each message is stored first, then embedded (its vector
 * kept in {@link MessageVectors}) and indexed. Searches read the winners back from the store and
 * never return an erased message, even before the index hears of the erasure.
 */
public final class HybridRecallMemory implements RecallMemory {
    private static final int LOAD_BATCH = 1000;

    private final MessageStore store;
    private final MessageVectors vectors;
    private final Embedder embedder;
    private final IndexCache<Long> indexes;

    public HybridRecallMemory(MessageStore store, MessageVectors vectors, Embedder embedder, SearchSettings settings) {
        this.store = store;
        this.vectors = vectors;
        this.embedder = embedder;
        this.indexes = new IndexCache<>(
                settings.maxIndexedDocs(), () -> new HybridIndex<>(embedder.dimensions(), settings), this::load);
    }

    @Override
    public Message append(NewMessage message) {
        Message stored = store.append(message);
        if (RecallText.searchable(stored)) {
            float[] vector = embedder.embed(RecallText.semantic(stored));
            vectors.put(stored.agentId(), stored.seq(), vector);
            indexes.addIfLoaded(stored.agentId(), doc(stored, vector));
        }
        return stored;
    }

    @Override
    public List<SearchHit<Message>> search(String agentId, SearchQuery query) {
        HybridIndex<Long> index = indexes.get(agentId);
        SearchQuery withoutTags =
                new SearchQuery(query.text(), List.of(), false, query.from(), query.to(), query.roles(), query.limit());
        float[] vector = query.text().isBlank() ? new float[0] : embedder.embed(query.text());
        List<Scored<Long>> candidates = index.search(withoutTags, vector, query.limit() * 2 + 5);
        Map<Long, Message> found = new HashMap<>();
        store.bySeqs(agentId, candidates.stream().map(Scored::key).toList()).forEach(m -> found.put(m.seq(), m));
        List<SearchHit<Message>> hits = new ArrayList<>();
        for (Scored<Long> candidate : candidates) {
            Message message = found.get(candidate.key());
            if (message == null || message.erased()) {
                index.remove(candidate.key());
            } else if (hits.size() < query.limit()) {
                hits.add(new SearchHit<>(message, candidate.score()));
            }
        }
        return hits;
    }

    @Override
    public void evict(String agentId) {
        indexes.evict(agentId);
    }

    /** Reads the history in batches; messages without a stored vector are embedded now. */
    private void load(String agentId, HybridIndex<Long> index) {
        Map<Long, float[]> known = new HashMap<>();
        vectors.forEach(agentId, (vector, seq) -> known.put(seq, vector));
        long last = store.lastSeq(agentId);
        for (long from = 1; from <= last; from += LOAD_BATCH) {
            for (Message message : store.range(agentId, from, from + LOAD_BATCH - 1)) {
                if (RecallText.searchable(message)) {
                    index.add(doc(message, known.computeIfAbsent(message.seq(), seq -> embedAndKeep(message))));
                }
            }
        }
    }

    private float[] embedAndKeep(Message message) {
        float[] vector = embedder.embed(RecallText.semantic(message));
        vectors.put(message.agentId(), message.seq(), vector);
        return vector;
    }

    private static IndexedDoc<Long> doc(Message message, float[] vector) {
        return new IndexedDoc<>(
                message.seq(),
                RecallText.keywords(message),
                vector,
                message.createdAt(),
                message.role(),
                List.of(),
                message.speaker().name());
    }
}
