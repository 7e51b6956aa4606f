package dev.kindred.memory.search;

/**
 * Keeps the {@code k} best (ordinal, score) pairs seen, in a min-heap; ties go to the higher ordinal,
 * the newer document.
 */
final class TopK {
    private final int[] docs;
    private final float[] scores;
    private int size;
    private boolean cut;

    TopK(int k) {
        this.docs = new int[k];
        this.scores = new float[k];
    }

    void offer(int doc, float score) {
        if (size < docs.length) {
            docs[size] = doc;
            scores[size] = score;
            siftUp(size++);
        } else {
            cut = true;
            if (docs.length > 0 && (score > scores[0] || (score == scores[0] && doc > docs[0]))) {
                docs[0] = doc;
                scores[0] = score;
                siftDown(0);
            }
        }
    }

    /** The kept documents, best first. Empties the heap. */
    Ranking drain() {
        float floor = cut && size > 0 ? scores[0] : 0;
        int[] bestDocs = new int[size];
        float[] bestScores = new float[size];
        for (int i = size - 1; i >= 0; i--) {
            bestDocs[i] = docs[0];
            bestScores[i] = scores[0];
            size--;
            docs[0] = docs[size];
            scores[0] = scores[size];
            siftDown(0);
        }
        cut = false;
        return new Ranking(bestDocs, bestScores, floor);
    }

    private boolean less(int i, int j) {
        return scores[i] < scores[j] || (scores[i] == scores[j] && docs[i] < docs[j]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int smallest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && less(left, smallest)) {
                smallest = left;
            }
            if (right < size && less(right, smallest)) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int i, int j) {
        int d = docs[i];
        docs[i] = docs[j];
        docs[j] = d;
        float s = scores[i];
        scores[i] = scores[j];
        scores[j] = s;
    }
}
