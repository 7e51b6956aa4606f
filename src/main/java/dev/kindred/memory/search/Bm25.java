package dev.kindred.memory.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Okapi BM25 over documents numbered 0, 1, 2, ... Postings are one growable {@code int[]} per term
 * (slot 0 holds the count; each entry packs the document number and its term frequency, capped at
 * 255), which keeps 100k passages in a few megabytes. Not thread-safe: {@link HybridIndex} locks.
 */
final class Bm25 {
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    private static final int TF_BITS = 8;
    private static final int TF_MASK = (1 << TF_BITS) - 1;

    private final Map<String, int[]> postings = new HashMap<>();
    private int[] lengths = new int[16];
    private int docs;
    private long totalLength;

    void add(int doc, List<String> terms) {
        Map<String, Integer> frequencies = new HashMap<>();
        for (String term : terms) {
            frequencies.merge(term, 1, Integer::sum);
        }
        frequencies.forEach((term, tf) -> append(term, doc << TF_BITS | Math.min(tf, TF_MASK)));
        if (doc >= lengths.length) {
            lengths = Arrays.copyOf(lengths, Math.max(doc + 1, lengths.length * 2));
        }
        lengths[doc] = terms.size();
        docs = Math.max(docs, doc + 1);
        totalLength += terms.size();
    }

    /**
     * The best {@code k} documents accepted by {@code filter}, best first. With a positive {@code
     * neighbourWeight} a document also earns that share of its neighbours' scores (documents n-1 and
     * n+1: in recall, the messages said just before and after it).
     */
    Ranking top(List<String> queryTerms, IntPredicate filter, int k, float neighbourWeight) {
        if (docs == 0) {
            return new TopK(0).drain();
        }
        float[] scores = new float[docs];
        boolean[] seen = new boolean[docs];
        int[] touched = new int[Math.min(docs, 1024)];
        int touchedCount = 0;
        float avgLength = Math.max(1f, (float) totalLength / docs);
        for (String term : new LinkedHashSet<>(queryTerms)) {
            int[] list = postings.get(term);
            if (list == null) {
                continue;
            }
            int df = list[0];
            float idf = (float) Math.log(1 + (docs - df + 0.5) / (df + 0.5));
            for (int i = 1; i <= df; i++) {
                int doc = list[i] >>> TF_BITS;
                if (!seen[doc]) {
                    seen[doc] = true;
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touched.length * 2);
                    }
                    touched[touchedCount++] = doc;
                }
                int tf = list[i] & TF_MASK;
                float norm = K1 * (1 - B + B * lengths[doc] / avgLength);
                scores[doc] += idf * tf * (K1 + 1) / (tf + norm);
            }
        }
        TopK best = new TopK(k);
        if (neighbourWeight == 0) {
            for (int i = 0; i < touchedCount; i++) {
                if (filter.test(touched[i])) {
                    best.offer(touched[i], scores[touched[i]]);
                }
            }
            return best.drain();
        }
        boolean[] offered = new boolean[docs];
        for (int i = 0; i < touchedCount; i++) {
            for (int doc = Math.max(0, touched[i] - 1); doc <= Math.min(docs - 1, touched[i] + 1); doc++) {
                if (!offered[doc] && filter.test(doc)) {
                    offered[doc] = true;
                    float around = (doc > 0 ? scores[doc - 1] : 0) + (doc + 1 < docs ? scores[doc + 1] : 0);
                    best.offer(doc, scores[doc] + neighbourWeight * around);
                }
            }
        }
        return best.drain();
    }

    private void append(String term, int entry) {
        int[] list = postings.get(term);
        if (list == null) {
            list = new int[2];
        } else if (list[0] + 1 == list.length) {
            list = Arrays.copyOf(list, list.length + Math.max(2, list.length / 2));
        }
        list[++list[0]] = entry;
        postings.put(term, list);
    }

    long postingBytes() {
        long bytes = 0;
        for (int[] list : postings.values()) {
            bytes += 16 + 4L * list.length;
        }
        return bytes;
    }
}
