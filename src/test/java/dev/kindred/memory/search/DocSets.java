package dev.kindred.memory.search;

import java.util.function.IntPredicate;

/** Filters for tests that rank documents directly: the documents below {@code size} that pass. */
final class DocSets {
    private DocSets() {}

    static DocSet where(int size, IntPredicate accepted) {
        DocSet set = DocSet.none(size);
        for (int doc = 0; doc < size; doc++) {
            if (accepted.test(doc)) {
                set.add(doc);
            }
        }
        return set;
    }
}
