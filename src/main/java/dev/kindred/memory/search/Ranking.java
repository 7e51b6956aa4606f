package dev.kindred.memory.search;

/**
 * Documents best first with their scores. {@code floor} is the most that a document left out could
 * score: the last kept score when the list was cut, else 0 (nothing matched that was not kept).
 */
record Ranking(int[] docs, float[] scores, float floor) {
    int size() {
        return docs.length;
    }
}
