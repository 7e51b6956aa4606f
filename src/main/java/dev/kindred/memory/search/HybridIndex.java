package dev.kindred.memory.search;

import dev.kindred.memory.SearchQuery;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One agent's search index: BM25 and vectors over the same document numbers, their scores fused
 * ({@link FusedScores}). Adds take a write lock for microseconds; searches share a read lock, so
 * appends and searches may run concurrently from any thread.
 */
final class HybridIndex<K> {
    private final SearchSettings settings;
    private final DocTable<K> table = new DocTable<>();
    private final Bm25 bm25 = new Bm25();
    private final Vectors vectors;
    private final Speakers speakers = new Speakers();
    private final BitSet withoutVector = new BitSet();
    private final float[] zeros;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    HybridIndex(int dims, SearchSettings settings) {
        this.settings = settings;
        this.vectors = new Vectors(dims, settings.rescoreCandidates(), (float) settings.vectorNeighbours());
        this.zeros = new float[dims];
    }

    /**
     * Adds a document unless its key is already indexed (a load and an append may race). A document
     * without a vector yet is found by its words until {@link #setVector} gives it one.
     */
    void add(IndexedDoc<K> doc) {
        List<String> terms = Tokenizer.terms(doc.text());
        lock.writeLock().lock();
        try {
            if (table.contains(doc.key())) {
                return;
            }
            int ordinal = table.add(doc.key(), doc.createdAt(), doc.role(), doc.tags());
            if (doc.vector() == null) {
                withoutVector.set(ordinal);
                vectors.add(zeros);
            } else {
                vectors.add(doc.vector());
            }
            bm25.add(ordinal, terms);
            speakers.add(ordinal, doc.speaker());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Gives an indexed document its vector; a key not indexed (or removed) is ignored. */
    void setVector(K key, float[] vector) {
        lock.writeLock().lock();
        try {
            int ordinal = table.ordinal(key);
            if (ordinal >= 0 && withoutVector.get(ordinal)) {
                vectors.set(ordinal, vector);
                withoutVector.clear(ordinal);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean remove(K key) {
        lock.writeLock().lock();
        try {
            return table.remove(key);
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return table.live();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Up to {@code count} documents passing the query's filters, best first; for a blank query the
     * newest ones ({@code queryVector} is then not asked for).
     *
     * <p>The keyword ranking runs on the side thread ({@link SideTask}) while this thread computes the
     * query's vector, which is why the vector comes from a supplier, called under the read lock: 0.2
     * ms over 100,000 messages that a turn no longer waits for. The side thread reads the index under
     * this thread's lock, so this thread waits for it before letting the lock go, even on a failure.
     * Writers to this one index wait for the embedding too; an agent's turns do not write while
     * they search, and recall embeds new messages only once no reply is owed ({@code ReplyGate}).
     */
    List<Scored<K>> search(SearchQuery query, Supplier<float[]> queryVector, int count) {
        List<String> terms = Tokenizer.terms(query.text());
        lock.readLock().lock();
        try {
            DocSet filter = table.filter(query.tags(), query.matchAllTags(), query.from(), query.to(), query.roles());
            if (query.text().isBlank()) {
                return newest(filter, count);
            }
            int depth = Math.max(settings.candidates(), count);
            SideTask<Ranking> byKeyword =
                    SideTask.start(() -> bm25.top(terms, filter, depth, (float) settings.keywordNeighbours()));
            try {
                Ranking byVector = vectors.top(queryVector.get(), filter.minus(withoutVector), depth);
                return fuse(byKeyword.join(), byVector, query.text(), count);
            } finally {
                byKeyword.finish();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Ties go to the newer document. When the query names some of the speakers, what the others said
     * keeps {@code otherSpeakerFactor} of its score; when it names a day, month or year, documents
     * from other times keep {@code otherTimeFactor}.
     */
    private List<Scored<K>> fuse(Ranking byKeyword, Ranking byVector, String text, int count) {
        FusedScores fused = new FusedScores(byKeyword, settings.keywordWeight(), byVector, settings.vectorWeight());
        BitSet named = speakers.named(text);
        if (!named.isEmpty()) {
            fused.scaleUnless(doc -> speakers.spokenByAny(doc, named), settings.otherSpeakerFactor());
        }
        List<TimeMentions.Span> times = TimeMentions.in(text);
        if (!times.isEmpty()) {
            fused.scaleUnless(
                    doc -> times.stream().anyMatch(t -> t.contains(table.millis(doc))), settings.otherTimeFactor());
        }
        Ranking best = fused.best(count);
        List<Scored<K>> scored = new ArrayList<>(best.size());
        for (int i = 0; i < best.size(); i++) {
            scored.add(new Scored<>(table.key(best.docs()[i]), best.scores()[i]));
        }
        return scored;
    }

    /** For a query without words: the newest documents passing the filters. */
    private List<Scored<K>> newest(DocSet filter, int count) {
        List<Scored<K>> newest = new ArrayList<>();
        for (int doc = table.size() - 1; doc >= 0 && newest.size() < count; doc--) {
            if (filter.contains(doc)) {
                newest.add(new Scored<>(table.key(doc), 1.0 / (newest.size() + 1)));
            }
        }
        return newest;
    }

    long estimatedBytes() {
        lock.readLock().lock();
        try {
            return vectors.bytes() + bm25.postingBytes() + 64L * table.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
