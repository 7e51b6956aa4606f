package dev.kindred.memory.search;

import dev.kindred.embed.Embedder;
import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recall memory over a {@link MessageStore}: each message is stored first and indexed by its words at
 * once; its embedding is computed on the {@code embedding} executor, off the turn, then kept in
 * {@link MessageVectors} and added to the index. A vector lost to a crash or shutdown is computed
 * when the agent's index is next loaded. Searches read the winners back from the store and never
 * return an erased message, even before the index hears of the erasure.
 */
public final class HybridRecallMemory implements RecallMemory {
    private static final Logger LOG = LoggerFactory.getLogger(HybridRecallMemory.class);
    private static final int LOAD_BATCH = 1000;
    private static final int MAX_QUEUED_EMBEDDINGS = 1000;

    private final RecallStorage storage;
    private final Embedder embedder;
    private final Executor embedding;
    private final IndexCache<Long> indexes;

    /** Where recall lives: the messages and the vectors computed from them. */
    public record RecallStorage(MessageStore messages, MessageVectors vectors) {}

    public HybridRecallMemory(RecallStorage storage, Embedder embedder, SearchSettings settings, Executor embedding) {
        this.storage = storage;
        this.embedder = embedder;
        this.embedding = embedding;
        this.indexes = new IndexCache<>(
                settings.maxIndexedDocs(), () -> new HybridIndex<>(embedder.dimensions(), settings), this::load);
    }

    /**
     * One low-priority daemon thread for embedding new messages. When it falls behind by {@value
     * #MAX_QUEUED_EMBEDDINGS} messages, the appending thread embeds its own message instead.
     */
    public static ExecutorService backgroundEmbedding() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_EMBEDDINGS),
                runnable -> {
                    Thread thread = new Thread(runnable, "kindred-recall-embedding");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        return executor;
    }

    @Override
    public Message append(NewMessage message) {
        return indexed(storage.messages().append(message));
    }

    @Override
    public Optional<Message> appendIfNew(NewMessage message) {
        return storage.messages().appendIfNew(message).map(this::indexed);
    }

    @Override
    public List<Message> appendAll(List<NewMessage> messages) {
        List<Message> stored = storage.messages().appendAll(messages);
        stored.forEach(this::indexed);
        return stored;
    }

    private Message indexed(Message stored) {
        if (RecallText.searchable(stored)) {
            indexes.addIfLoaded(stored.agentId(), doc(stored, null));
            embedding.execute(() -> embed(stored));
        }
        return stored;
    }

    /**
     * Keeps the vector only if the message is still there and not erased: an erasure or a deletion
     * may have come while the embedding waited its turn, and a vector is derived from the words.
     */
    private void embed(Message message) {
        try {
            float[] vector = embedder.embed(RecallText.semantic(message));
            boolean kept = storage.messages().bySeqs(message.agentId(), List.of(message.seq())).stream()
                    .anyMatch(m -> !m.erased());
            if (!kept) {
                return;
            }
            storage.vectors().put(message.agentId(), message.seq(), vector);
            indexes.vectorIfLoaded(message.agentId(), message.seq(), vector);
        } catch (RuntimeException e) {
            LOG.warn(
                    "embedding message {} of agent {} failed; it is embedded when the index next loads",
                    message.seq(),
                    message.agentId(),
                    e);
        }
    }

    @Override
    public List<SearchHit<Message>> search(String agentId, SearchQuery query) {
        HybridIndex<Long> index = indexes.get(agentId);
        SearchQuery withoutTags =
                new SearchQuery(query.text(), List.of(), false, query.from(), query.to(), query.roles(), query.limit());
        return StoredHits.read(
                index.search(withoutTags, () -> embedder.embed(query.text()), query.limit() * 2 + 5),
                query.limit(),
                seqs -> storage.messages().bySeqs(agentId, seqs).stream()
                        .filter(m -> !m.erased())
                        .collect(Collectors.toMap(Message::seq, m -> m)),
                index::remove);
    }

    @Override
    public void evict(String agentId) {
        indexes.evict(agentId);
    }

    /** Reads the history in batches; messages without a stored vector are embedded now. */
    private void load(String agentId, HybridIndex<Long> index) {
        Map<Long, float[]> known = new HashMap<>();
        storage.vectors().forEach(agentId, (vector, seq) -> known.put(seq, vector));
        long last = storage.messages().lastSeq(agentId);
        for (long from = 1; from <= last; from += LOAD_BATCH) {
            for (Message message : storage.messages().range(agentId, from, from + LOAD_BATCH - 1)) {
                if (RecallText.searchable(message)) {
                    index.add(doc(message, known.computeIfAbsent(message.seq(), seq -> embedAndKeep(message))));
                }
            }
        }
    }

    private float[] embedAndKeep(Message message) {
        float[] vector = embedder.embed(RecallText.semantic(message));
        storage.vectors().put(message.agentId(), message.seq(), vector);
        return vector;
    }

    private static IndexedDoc<Long> doc(Message message, float @Nullable [] vector) {
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
