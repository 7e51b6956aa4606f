package dev.kindred.memory.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Document vectors stored as int8 (one scale per vector) plus one sign bit per dimension. Small
 * collections are scanned exactly; large ones are first ranked by the Hamming distance of the sign
 * bits (0.1 ms for 100k vectors back to back, 0.3 ms with the cache flushed before) and only the
 * closest candidates are rescored with the int8 values, against the query scaled to integers
 * ({@link IntQuery}). 384 dimensions take 432 bytes a vector. Not thread-safe: {@link HybridIndex}
 * locks.
 *
 * <p>With a positive {@code neighbourWeight}, a document's score also takes that share of the
 * similarity of documents n-1 and n+1, and its int8 code holds its vector plus that share of its
 * neighbours' (the sign bits stay its own): a dot product is linear, so one product with that code
 * is the whole score. Rescoring 460 candidates that way took 0.34 ms instead of 0.56 for three
 * products each (measured after a pause, memory not in cache).
 */
final class Vectors {
    private static final int CHUNK = 1024;
    private static final int CACHE_LINE = 64;
    /** Documents whose sign distances are summed before the candidates among them are taken. */
    private static final int SCAN_BLOCK = 16_384;
    /**
     * Up to this many documents every code is scored. An exact scan's cost grows with the count (0.31
     * ms for 1,000 documents, 2.6 ms for 8,192, measured after a pause) while the sign scan and
     * rescoring stay under half a millisecond from 1,000 to 8,192; on LoCoMo's MiniLM vectors the sign
     * path found the exact scan's top 10 for 99.97% of the questions at 6,000 documents.
     */
    private static final int EXACT_SCAN_LIMIT = 1024;

    private final int dims;
    /** 32-bit sign words per vector: each is a plane of its own (see {@link #nearestSigns}). */
    private final int words;

    private final int rescoreCandidates;
    private final float neighbourWeight;
    /** The newest document's own vector, which its successor's code takes a share of. */
    private float[] newest;

    private final List<byte[]> codes = new ArrayList<>();
    /** {@code signPlanes[w][doc]} is sign word {@code w} of document {@code doc}; grown like {@link #scales}. */
    private final int[][] signPlanes;

    private float[] scales = new float[CHUNK];
    private int size;
    /** See {@link #readAhead}. */
    @SuppressWarnings("unused")
    private int readAheadSum;

    Vectors(int dims, int rescoreCandidates, float neighbourWeight) {
        this.dims = dims;
        this.words = (dims + 31) / 32;
        this.rescoreCandidates = rescoreCandidates;
        this.neighbourWeight = neighbourWeight;
        this.newest = new float[dims];
        this.signPlanes = new int[words][CHUNK];
    }

    /** Appends the next document's vector (unit length, or zeros until {@link #set}); returns its ordinal. */
    int add(float[] vector) {
        if (vector.length != dims) {
            throw new IllegalArgumentException("expected " + dims + " dimensions, got " + vector.length);
        }
        if (size % CHUNK == 0) {
            codes.add(new byte[CHUNK * dims]);
        }
        if (size == scales.length) {
            scales = Arrays.copyOf(scales, scales.length * 2);
            for (int w = 0; w < words; w++) {
                signPlanes[w] = Arrays.copyOf(signPlanes[w], scales.length);
            }
        }
        int doc = size++;
        float[] code = vector.clone();
        for (int i = 0; i < dims; i++) {
            code[i] += neighbourWeight * newest[i];
        }
        encode(doc, code);
        encodeSigns(doc, vector);
        if (doc > 0) {
            addToCode(doc - 1, vector, neighbourWeight);
        }
        newest = vector.clone();
        return doc;
    }

    /** Gives a document its vector: one that was added as zeros, before its embedding was known. */
    void set(int doc, float[] vector) {
        if (vector.length != dims || doc >= size) {
            throw new IllegalArgumentException("no document " + doc + " with " + vector.length + " dimensions");
        }
        addToCode(doc, vector, 1);
        encodeSigns(doc, vector);
        if (doc > 0) {
            addToCode(doc - 1, vector, neighbourWeight);
        }
        if (doc + 1 < size) {
            addToCode(doc + 1, vector, neighbourWeight);
        } else {
            newest = vector.clone();
        }
    }

    /** Adds {@code share} of {@code vector} to a document's code. */
    private void addToCode(int doc, float[] vector, float share) {
        if (share == 0) {
            return;
        }
        byte[] code = codes.get(doc / CHUNK);
        int offset = (doc % CHUNK) * dims;
        float[] sum = new float[dims];
        for (int i = 0; i < dims; i++) {
            sum[i] = code[offset + i] * scales[doc] + share * vector[i];
        }
        encode(doc, sum);
    }

    private void encode(int doc, float[] vector) {
        float max = 1e-9f;
        for (float v : vector) {
            max = Math.max(max, Math.abs(v));
        }
        byte[] code = codes.get(doc / CHUNK);
        int offset = (doc % CHUNK) * dims;
        for (int i = 0; i < dims; i++) {
            code[offset + i] = (byte) Math.round(vector[i] / max * 127);
        }
        scales[doc] = max / 127;
    }

    private void encodeSigns(int doc, float[] vector) {
        int[] words = signWords(vector);
        for (int w = 0; w < words.length; w++) {
            signPlanes[w][doc] = words[w];
        }
    }

    /** One bit per dimension, set where the value is positive. */
    private int[] signWords(float[] vector) {
        int[] signWords = new int[words];
        for (int i = 0; i < dims; i++) {
            if (vector[i] > 0) {
                signWords[i / 32] |= 1 << (i % 32);
            }
        }
        return signWords;
    }

    int size() {
        return size;
    }

    /** The best {@code k} documents accepted by {@code filter} by their score (see the class comment). */
    Ranking top(float[] query, DocSet filter, int k) {
        IntQuery scaled = IntQuery.of(query);
        TopK best = new TopK(k);
        if (size <= EXACT_SCAN_LIMIT) {
            for (int doc = 0; doc < size; doc++) {
                if (filter.contains(doc)) {
                    best.offer(doc, dot(scaled, doc));
                }
            }
            return best.drain();
        }
        int[] candidates = nearestSigns(query, filter, Math.max(rescoreCandidates, k));
        readAhead(candidates);
        for (int doc : candidates) {
            best.offer(doc, dot(scaled, doc));
        }
        return best.drain();
    }

    /**
     * Reads a byte of every cache line of the candidates' codes, and their scales, before any dot
     * product: independent loads, which the CPU has in flight together, where each product would
     * otherwise wait for its own code to arrive. Rescoring 400 codes scattered over 100,000 after a
     * pause took 0.21 ms with this pass and 0.33 without (measured in isolation). The sum is kept in
     * a field only so that the JIT cannot drop the loads.
     */
    private void readAhead(int[] docs) {
        int sum = 0;
        for (int doc : docs) {
            byte[] code = codes.get(doc / CHUNK);
            int offset = (doc % CHUNK) * dims;
            for (int i = 0; i < dims; i += CACHE_LINE) {
                sum += code[offset + i];
            }
            sum += code[offset + dims - 1] + (int) scales[doc];
        }
        readAheadSum = sum;
    }

    /**
     * A document's score: the dot product of the query and its code, summed in integers, which the
     * JIT may reorder where a float sum must add one product at a time (rescoring 1,400 products took
     * 0.35 ms instead of 0.8, measured from memory not in cache).
     */
    float dot(IntQuery query, int doc) {
        byte[] code = codes.get(doc / CHUNK);
        int offset = (doc % CHUNK) * dims;
        int[] values = query.values();
        int sum = 0;
        for (int i = 0; i < dims; i++) {
            sum += values[i] * code[offset + i];
        }
        return sum * query.scale() * scales[doc];
    }

    /**
     * The accepted documents whose sign bits are nearest the query's: at least {@code wanted} of them
     * (all there are, if fewer), ascending. The sign bits are stored word by word, each word of every
     * document in a plane of its own, and a block of documents adds up its Hamming distances four
     * planes at a time: loops this simple, indexed alike in every array, are what the JIT turns into
     * vector instructions (with AVX-512, sixteen documents a popcount), and four streams read at once
     * keep more of memory's latency in flight than one. The candidates are then taken a chunk at a
     * time, the cut lowered after each. After a pause, when the planes are no longer in cache,
     * 100,000 documents (4.8 MB) took 0.27 ms this way and 0.65 ms with 1,024-document chunks summed
     * one plane at a time (measured in isolation, cache flushed before each scan); in the turns of
     * {@code TurnOverheadBench}, 0.47 ms against 0.86 (p50). Fewer bytes read cost recall instead.
     * Splitting the earlier scan over two threads was slower.
     */
    private int[] nearestSigns(float[] query, DocSet filter, int wanted) {
        int[] querySigns = signWords(query);
        SignCandidates found = new SignCandidates(dims);
        int[] distances = Scratch.forThisThread().ints(size);
        for (int first = 0; first < size; first += SCAN_BLOCK) {
            int end = Math.min(size, first + SCAN_BLOCK);
            Arrays.fill(distances, first, end, 0);
            int w = 0;
            for (; w + 4 <= words; w += 4) {
                addFourDistances(querySigns, w, first, end, distances);
            }
            for (; w < words; w++) {
                addDistances(querySigns[w], signPlanes[w], first, end, distances);
            }
            for (int from = first; from < end; from += CHUNK) {
                for (int doc = from; doc < Math.min(end, from + CHUNK); doc++) {
                    if (found.within(distances[doc]) && filter.contains(doc)) {
                        found.add(doc, distances[doc]);
                    }
                }
                found.recut(wanted);
            }
        }
        return found.nearest();
    }

    /** Adds the Hamming distances of sign words {@code w..w+3}: kept this simple to be vectorised. */
    private void addFourDistances(int[] querySigns, int w, int first, int end, int[] distances) {
        int q0 = querySigns[w];
        int q1 = querySigns[w + 1];
        int q2 = querySigns[w + 2];
        int q3 = querySigns[w + 3];
        int[] p0 = signPlanes[w];
        int[] p1 = signPlanes[w + 1];
        int[] p2 = signPlanes[w + 2];
        int[] p3 = signPlanes[w + 3];
        for (int doc = first; doc < end; doc++) {
            distances[doc] += Integer.bitCount(q0 ^ p0[doc])
                    + Integer.bitCount(q1 ^ p1[doc])
                    + Integer.bitCount(q2 ^ p2[doc])
                    + Integer.bitCount(q3 ^ p3[doc]);
        }
    }

    /** Adds the Hamming distance of one sign word, for dimensions that leave fewer than four. */
    private static void addDistances(int querySign, int[] plane, int first, int end, int[] distances) {
        for (int doc = first; doc < end; doc++) {
            distances[doc] += Integer.bitCount(querySign ^ plane[doc]);
        }
    }

    long bytes() {
        return (long) codes.size() * CHUNK * dims + (4L + 4L * words) * scales.length;
    }
}
