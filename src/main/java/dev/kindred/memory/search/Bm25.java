package dev.kindred.memory.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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
    private static final int COMMON_SHARE = 8;

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
     * The best {@code k} documents accepted by {@code filter}. With a positive {@code neighbourWeight}
     * a document also earns that share of its neighbours' scores (documents n-1 and n+1: in recall,
     * the messages said just before and after it).
     *
     * <p>Terms are scored rarest first. A common term (in more than 1/{@value #COMMON_SHARE} of the
     * documents) only adds to documents that rarer query terms matched, which it looks up in its
     * postings instead of walking them: at 100k passages it would otherwise touch tens of thousands
     * of documents to add a fraction of a point each.
     */
    Ranking top(List<String> queryTerms, DocSet filter, int k, float neighbourWeight) {
        Matches matches = new Matches(Scratch.forThisThread(), docs);
        for (int[] list : postingsRarestFirst(queryTerms)) {
            if (matches.count > 0 && list[0] > docs / COMMON_SHARE) {
                addToMatched(list, matches);
            } else {
                addAll(list, matches);
            }
        }
        return neighbourWeight == 0 ? matches.best(filter, k) : matches.bestWithNeighbours(filter, k, neighbourWeight);
    }

    private List<int[]> postingsRarestFirst(List<String> queryTerms) {
        List<int[]> lists = new ArrayList<>();
        for (String term : new LinkedHashSet<>(queryTerms)) {
            int[] list = postings.get(term);
            if (list != null) {
                lists.add(list);
            }
        }
        lists.sort(Comparator.comparingInt(list -> list[0]));
        return lists;
    }

    private void addAll(int[] list, Matches matches) {
        float idf = idf(list[0]);
        float avgLength = averageLength();
        for (int i = 1; i <= list[0]; i++) {
            int doc = list[i] >>> TF_BITS;
            matches.add(doc, termScore(idf, list[i] & TF_MASK, doc, avgLength));
        }
    }

    /** Looks each matched document up, unless walking the whole list is cheaper. */
    private void addToMatched(int[] list, Matches matches) {
        float idf = idf(list[0]);
        float avgLength = averageLength();
        int lookupSteps = 32 - Integer.numberOfLeadingZeros(list[0]);
        if ((long) matches.count * lookupSteps > list[0]) {
            for (int i = 1; i <= list[0]; i++) {
                int doc = list[i] >>> TF_BITS;
                if (matches.touched(doc)) {
                    matches.add(doc, termScore(idf, list[i] & TF_MASK, doc, avgLength));
                }
            }
            return;
        }
        for (int i = 0; i < matches.count; i++) {
            int doc = matches.touched[i];
            int at = find(list, doc);
            if (at > 0) {
                matches.add(doc, termScore(idf, list[at] & TF_MASK, doc, avgLength));
            }
        }
    }

    /** Binary search of a postings list, whose documents ascend as they were added in order. */
    private static int find(int[] list, int doc) {
        int low = 1;
        int high = list[0];
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int midDoc = list[mid] >>> TF_BITS;
            if (midDoc < doc) {
                low = mid + 1;
            } else if (midDoc > doc) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private float idf(int df) {
        return (float) Math.log(1 + (docs - df + 0.5) / (df + 0.5));
    }

    private float averageLength() {
        return Math.max(1f, (float) totalLength / docs);
    }

    private float termScore(float idf, int tf, int doc, float avgLength) {
        float norm = K1 * (1 - B + B * lengths[doc] / avgLength);
        return idf * tf * (K1 + 1) / (tf + norm);
    }

    /** The documents a query touched and their scores so far, in the thread's scratch arrays. */
    private static final class Matches {
        private final Scratch scratch;
        private final int docs;
        private final float[] scores;
        private final int[] touched;
        private int count;

        Matches(Scratch scratch, int docs) {
            this.scratch = scratch;
            this.docs = docs;
            this.scores = scratch.zeroFloats(docs);
            this.touched = scratch.ints(docs);
        }

        /** Every term adds more than 0, so a score of 0 means not touched yet. */
        boolean touched(int doc) {
            return scores[doc] != 0;
        }

        void add(int doc, float score) {
            if (!touched(doc)) {
                touched[count++] = doc;
            }
            scores[doc] += score;
        }

        Ranking best(DocSet filter, int k) {
            TopK best = new TopK(k);
            for (int i = 0; i < count; i++) {
                if (filter.contains(touched[i])) {
                    best.offer(touched[i], scores[touched[i]]);
                }
            }
            return best.drain();
        }

        Ranking bestWithNeighbours(DocSet filter, int k, float neighbourWeight) {
            TopK best = new TopK(k);
            boolean[] offered = scratch.clearFlags(docs);
            for (int i = 0; i < count; i++) {
                for (int doc = Math.max(0, touched[i] - 1); doc <= Math.min(docs - 1, touched[i] + 1); doc++) {
                    if (!offered[doc] && filter.contains(doc)) {
                        offered[doc] = true;
                        best.offer(doc, scores[doc] + neighbourWeight * around(doc));
                    }
                }
            }
            return best.drain();
        }

        private float around(int doc) {
            return (doc > 0 ? scores[doc - 1] : 0) + (doc + 1 < docs ? scores[doc + 1] : 0);
        }
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
