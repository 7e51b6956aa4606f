package dev.kindred.memory.search;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The documents a search may return, one bit per document number, worked out once per search and
 * read by both rankings. A scan over 100k documents asks it 100k times: a final class whose test is
 * one array read keeps that in the scan's own compiled loop, where a chain of predicate lambdas
 * costs a call per document, more once a call site has seen several kinds of filter.
 */
final class DocSet {
    private final long[] words;

    private DocSet(long[] words) {
        this.words = words;
    }

    /** Documents {@code 0} to {@code size - 1}. */
    static DocSet all(int size) {
        long[] words = new long[wordsFor(size)];
        Arrays.fill(words, -1L);
        if (size % Long.SIZE != 0) {
            words[words.length - 1] = -1L >>> (Long.SIZE - size % Long.SIZE);
        }
        return new DocSet(words);
    }

    /** No documents yet, room for {@code 0} to {@code size - 1}: {@link #add} fills it. */
    static DocSet none(int size) {
        return new DocSet(new long[wordsFor(size)]);
    }

    void add(int doc) {
        words[doc >>> 6] |= 1L << doc;
    }

    boolean contains(int doc) {
        return (words[doc >>> 6] & 1L << doc) != 0;
    }

    /** A copy without the documents in {@code excluded}. */
    DocSet minus(BitSet excluded) {
        long[] kept = words.clone();
        int size = kept.length * Long.SIZE;
        for (int doc = excluded.nextSetBit(0); doc >= 0 && doc < size; doc = excluded.nextSetBit(doc + 1)) {
            kept[doc >>> 6] &= ~(1L << doc);
        }
        return new DocSet(kept);
    }

    private static int wordsFor(int size) {
        return (size + Long.SIZE - 1) / Long.SIZE;
    }
}
