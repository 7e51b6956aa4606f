package dev.kindred.memory.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Document vectors stored as int8 (one scale per vector) plus one sign bit per dimension. Small
 * collections are scanned exactly; large ones are first ranked by the Hamming distance of the sign
 * bits (a few hundred microseconds for 100k vectors) and only the closest candidates are rescored
 * with the int8 values. 384 dimensions take 432 bytes a vector. Not thread-safe: {@link HybridIndex}
 * locks.
 */
final class Vectors {
    private static final int CHUNK = 1024;
    /** Below this many documents an exact int8 scan is cheap enough (about 2 ms). */
    private static final int EXACT_SCAN_LIMIT = 8192;

    private final int dims;
    private final int words;
    private final int rescoreCandidates;
    private final List<byte[]> codes = new ArrayList<>();
    private final List<long[]> signs = new ArrayList<>();
    private float[] scales = new float[CHUNK];
    private int size;

    Vectors(int dims, int rescoreCandidates) {
        this.dims = dims;
        this.words = (dims + 63) / 64;
        this.rescoreCandidates = rescoreCandidates;
    }

    /** Appends the next document's vector (unit length); returns its ordinal. */
    int add(float[] vector) {
        if (vector.length != dims) {
            throw new IllegalArgumentException("expected " + dims + " dimensions, got " + vector.length);
        }
        if (size % CHUNK == 0) {
            codes.add(new byte[CHUNK * dims]);
            signs.add(new long[CHUNK * words]);
        }
        if (size == scales.length) {
            scales = Arrays.copyOf(scales, scales.length * 2);
        }
        encode(size, vector);
        return size++;
    }

    /** Replaces a document's vector (one that was added before its embedding was known). */
    void set(int doc, float[] vector) {
        if (vector.length != dims || doc >= size) {
            throw new IllegalArgumentException("no document " + doc + " with " + vector.length + " dimensions");
        }
        encode(doc, vector);
    }

    private void encode(int doc, float[] vector) {
        float max = 1e-9f;
        for (float v : vector) {
            max = Math.max(max, Math.abs(v));
        }
        byte[] code = codes.get(doc / CHUNK);
        long[] sign = signs.get(doc / CHUNK);
        int codeOffset = (doc % CHUNK) * dims;
        int signOffset = (doc % CHUNK) * words;
        Arrays.fill(sign, signOffset, signOffset + words, 0L);
        for (int i = 0; i < dims; i++) {
            code[codeOffset + i] = (byte) Math.round(vector[i] / max * 127);
            if (vector[i] > 0) {
                sign[signOffset + i / 64] |= 1L << (i % 64);
            }
        }
        scales[doc] = max / 127;
    }

    int size() {
        return size;
    }

    /**
     * The best {@code k} documents accepted by {@code filter} by dot product; with a positive {@code
     * neighbourWeight}, plus that share of documents n-1 and n+1's similarity.
     */
    Ranking top(float[] query, IntPredicate filter, int k, float neighbourWeight) {
        TopK best = new TopK(k);
        if (size <= EXACT_SCAN_LIMIT) {
            if (neighbourWeight == 0) {
                for (int doc = 0; doc < size; doc++) {
                    if (filter.test(doc)) {
                        best.offer(doc, dot(query, doc));
                    }
                }
            } else {
                scanWithNeighbours(query, filter, neighbourWeight, best);
            }
            return best.drain();
        }
        short[] distances = Scratch.forThisThread().shorts(size);
        int threshold = signDistanceThreshold(query, filter, Math.max(rescoreCandidates, k), distances);
        for (int doc = 0; doc < size; doc++) {
            if (distances[doc] <= threshold) {
                best.offer(doc, score(query, doc, neighbourWeight));
            }
        }
        return best.drain();
    }

    float dot(float[] query, int doc) {
        byte[] code = codes.get(doc / CHUNK);
        int offset = (doc % CHUNK) * dims;
        // four independent sums: one would make every addition wait for the previous one
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dims; i += 4) {
            s0 += query[i] * code[offset + i];
            s1 += query[i + 1] * code[offset + i + 1];
            s2 += query[i + 2] * code[offset + i + 2];
            s3 += query[i + 3] * code[offset + i + 3];
        }
        for (; i < dims; i++) {
            s0 += query[i] * code[offset + i];
        }
        return (s0 + s1 + s2 + s3) * scales[doc];
    }

    /** Every document's similarity is computed once and used for it and for both its neighbours. */
    private void scanWithNeighbours(float[] query, IntPredicate filter, float neighbourWeight, TopK best) {
        float previous = 0;
        float current = size > 0 ? dot(query, 0) : 0;
        for (int doc = 0; doc < size; doc++) {
            float next = doc + 1 < size ? dot(query, doc + 1) : 0;
            if (filter.test(doc)) {
                best.offer(doc, current + neighbourWeight * (previous + next));
            }
            previous = current;
            current = next;
        }
    }

    private float score(float[] query, int doc, float neighbourWeight) {
        float score = dot(query, doc);
        if (neighbourWeight != 0) {
            float around = (doc > 0 ? dot(query, doc - 1) : 0) + (doc + 1 < size ? dot(query, doc + 1) : 0);
            score += neighbourWeight * around;
        }
        return score;
    }

    /**
     * Fills {@code distances} with each document's Hamming distance from the query's sign bits (a
     * rejected one gets more than any real distance) and returns the smallest distance that lets
     * at least {@code k} accepted documents through: a histogram finds it in linear time.
     */
    private int signDistanceThreshold(float[] query, IntPredicate filter, int k, short[] distances) {
        long[] querySigns = new long[words];
        for (int i = 0; i < dims; i++) {
            if (query[i] > 0) {
                querySigns[i / 64] |= 1L << (i % 64);
            }
        }
        int[] histogram = new int[dims + 2];
        for (int chunk = 0; chunk < signs.size(); chunk++) {
            long[] sign = signs.get(chunk);
            int first = chunk * CHUNK;
            for (int doc = first; doc < Math.min(size, first + CHUNK); doc++) {
                int distance = filter.test(doc) ? hamming(querySigns, sign, (doc - first) * words) : dims + 1;
                distances[doc] = (short) distance;
                histogram[distance]++;
            }
        }
        int threshold = 0;
        for (int taken = 0; threshold < dims && taken + histogram[threshold] < k; threshold++) {
            taken += histogram[threshold];
        }
        return threshold;
    }

    private int hamming(long[] querySigns, long[] sign, int offset) {
        int distance = 0;
        for (int w = 0; w < words; w++) {
            distance += Long.bitCount(querySigns[w] ^ sign[offset + w]);
        }
        return distance;
    }

    long bytes() {
        return (long) codes.size() * CHUNK * (dims + 8L * words) + 4L * scales.length;
    }
}
