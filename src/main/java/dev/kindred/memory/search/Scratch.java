package dev.kindred.memory.search;

import java.util.Arrays;

/**
 * Work arrays for one search, kept per thread and grown to the largest index that thread has
 * searched, with room for an eighth more: an index grows by a few messages every turn, and arrays
 * grown to the exact size would be replaced on nearly every search. A search over 100,000 documents
 * would otherwise leave about a megabyte of garbage (scores, flags, matched documents), and the
 * collections that follow show up as latency spikes.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    private float[] floats = new float[0];
    private boolean[] flags = new boolean[0];
    private int[] ints = new int[0];

    private Scratch() {}

    static Scratch forThisThread() {
        return PER_THREAD.get();
    }

    /** {@code size} zeros. */
    float[] zeroFloats(int size) {
        if (floats.length < size) {
            floats = new float[withRoom(size)];
        } else {
            Arrays.fill(floats, 0, size, 0f);
        }
        return floats;
    }

    /** {@code size} falses. */
    boolean[] clearFlags(int size) {
        if (flags.length < size) {
            flags = new boolean[withRoom(size)];
        } else {
            Arrays.fill(flags, 0, size, false);
        }
        return flags;
    }

    /**
     * At least {@code size} ints, holding whatever the last search left: a keyword ranking's matched
     * documents or a sign scan's distances, which one thread never needs at once (a search runs its
     * keyword ranking on this thread only after its vector ranking is done, see {@link SideTask}).
     */
    int[] ints(int size) {
        if (ints.length < size) {
            ints = new int[withRoom(size)];
        }
        return ints;
    }

    private static int withRoom(int size) {
        return size + (size >> 3);
    }
}
