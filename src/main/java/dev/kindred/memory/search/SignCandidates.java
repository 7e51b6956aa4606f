package dev.kindred.memory.search;

import java.util.Arrays;

/**
 * The documents of a sign-bit scan that may be among the {@code wanted} closest, with their Hamming
 * distances. A document is kept when its distance is within the cut found so far: the smallest
 * distance that already lets {@code wanted} documents through. The cut only falls as the scan goes
 * on, so distances above it are never needed again and are not even counted. Keeping a few thousand
 * candidates this way spares a second pass over every document's distance.
 */
final class SignCandidates {
    private final int[] histogram;
    private int[] docs = new int[2048];
    private short[] distances = new short[2048];
    private int count;
    private int cut;

    SignCandidates(int dims) {
        this.histogram = new int[dims + 1];
        this.cut = dims;
    }

    boolean within(int distance) {
        return distance <= cut;
    }

    /** Keeps a document {@link #within} the cut; documents come in ascending order. */
    void add(int doc, int distance) {
        if (count == docs.length) {
            docs = Arrays.copyOf(docs, count * 2);
            distances = Arrays.copyOf(distances, count * 2);
        }
        docs[count] = doc;
        distances[count++] = (short) distance;
        histogram[distance]++;
    }

    /** Lowers the cut to what the documents kept so far allow. */
    void recut(int wanted) {
        int taken = 0;
        int lowest = 0;
        while (lowest < cut && taken + histogram[lowest] < wanted) {
            taken += histogram[lowest++];
        }
        cut = lowest;
    }

    /** The kept documents within the final cut, ascending. */
    int[] nearest() {
        int[] nearest = new int[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (distances[i] <= cut) {
                nearest[n++] = docs[i];
            }
        }
        return Arrays.copyOf(nearest, n);
    }
}
