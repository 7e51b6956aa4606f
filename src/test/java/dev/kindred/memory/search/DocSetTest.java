package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DocSetTest {

    @Test
    void allHoldsExactlyTheDocumentsBelowItsSizeAcrossWordEdges() {
        for (int size : new int[] {1, 63, 64, 65, 130}) {
            DocSet all = DocSet.all(size);

            assertThat(IntStream.range(0, size)).allMatch(all::contains);
            int wholeWords = (size + 63) / 64 * 64; // the bits past the size in the last word stay clear
            assertThat(members(all, wholeWords)).hasSize(size);
        }
    }

    @Test
    void minusLeavesTheOriginalAsItWas() {
        DocSet all = DocSet.all(100);
        BitSet excluded = new BitSet();
        excluded.set(0);
        excluded.set(64);
        excluded.set(99);

        DocSet kept = all.minus(excluded);

        assertThat(members(kept, 100)).hasSize(97).doesNotContain(0, 64, 99);
        assertThat(members(all, 100)).hasSize(100);
    }

    @Test
    void addedDocumentsAreTheOnlyMembers() {
        DocSet some = DocSet.none(200);
        some.add(3);
        some.add(127);
        some.add(128);

        assertThat(members(some, 200)).containsExactly(3, 127, 128);
    }

    private static int[] members(DocSet set, int below) {
        return IntStream.range(0, below).filter(set::contains).toArray();
    }
}
