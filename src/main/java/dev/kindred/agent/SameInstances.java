package dev.kindred.agent;

import java.util.List;

/**
 * Compares lists by instance, without touching the elements: for memos over a window whose messages
 * the store's tail hands out as the same instances until one changes.
 */
final class SameInstances {
    private SameInstances() {}

    /** How many leading elements the two lists share as the very same instances. */
    static int prefix(List<?> a, List<?> b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            if (a.get(i) != b.get(i)) {
                return i;
            }
        }
        return shared;
    }
}
