package dev.kindred.memory.search;

import java.util.function.IntPredicate;

/**
 * The keyword and vector rankings fused by a weighted sum of their scores, each first scaled to 0..1
 * between its list's floor and its best (min-max normalisation, as BM25 and cosine scores live on
 * different scales). Unlike reciprocal rank fusion, a document far ahead in one list keeps its lead
 * over one that is merely near the top of both.
 */
final class FusedScores {
    private final int[] docs;
    private final float[] scores;
    private final int keywordCount;
    private int size;

    FusedScores(Ranking keyword, double keywordWeight, Ranking vector, double vectorWeight) {
        docs = new int[keyword.size() + vector.size()];
        scores = new float[docs.length];
        for (int i = 0; i < keyword.size(); i++) {
            docs[size] = keyword.docs()[i];
            scores[size++] = normalised(keyword, i, keywordWeight);
        }
        keywordCount = size;
        for (int i = 0; i < vector.size(); i++) {
            int at = keywordIndex(vector.docs()[i]);
            if (at < 0) {
                docs[size] = vector.docs()[i];
                at = size++;
            }
            scores[at] += normalised(vector, i, vectorWeight);
        }
    }

    /** Documents that {@code keep} rejects keep {@code factor} of their score. */
    void scaleUnless(IntPredicate keep, double factor) {
        for (int i = 0; i < size; i++) {
            if (!keep.test(docs[i])) {
                scores[i] *= (float) factor;
            }
        }
    }

    Ranking best(int count) {
        TopK best = new TopK(count);
        for (int i = 0; i < size; i++) {
            best.offer(docs[i], scores[i]);
        }
        return best.drain();
    }

    private static float normalised(Ranking ranking, int i, double weight) {
        float range = ranking.scores()[0] - ranking.floor();
        return range > 0 ? (float) (weight * Math.max(0, ranking.scores()[i] - ranking.floor()) / range) : 0;
    }

    /** A linear scan: both lists hold at most a few hundred documents. */
    private int keywordIndex(int doc) {
        for (int i = 0; i < keywordCount; i++) {
            if (docs[i] == doc) {
                return i;
            }
        }
        return -1;
    }
}
