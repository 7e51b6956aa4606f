package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SignCandidatesTest {
    private static final int DIMS = 64;
    private static final int CHUNK = 1024;

    @Test
    void keepsWhatOneCutOverAllDistancesKeeps() {
        Random random = new Random(11);
        for (int wanted : new int[] {1, 40, 400, 5_000}) {
            int[] distances = IntStream.range(0, 20_000)
                    .map(doc -> Math.min(DIMS, (int) Math.round(DIMS / 2.0 + random.nextGaussian() * 4)))
                    .toArray();
            SignCandidates found = new SignCandidates(DIMS);
            for (int doc = 0; doc < distances.length; doc++) {
                if (found.within(distances[doc])) {
                    found.add(doc, distances[doc]);
                }
                if (doc % CHUNK == CHUNK - 1) {
                    found.recut(wanted);
                }
            }
            found.recut(wanted);

            assertThat(found.nearest()).containsExactly(withinOneCut(distances, wanted));
        }
    }

    @Test
    void keepsEverythingWhenFewerThanWantedArrive() {
        SignCandidates found = new SignCandidates(DIMS);
        for (int doc = 0; doc < 10; doc++) {
            found.add(doc, DIMS - doc);
        }
        found.recut(50);

        assertThat(found.nearest()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    /** The reference: the smallest distance that at least {@code wanted} documents reach, and every document within it. */
    private static int[] withinOneCut(int[] distances, int wanted) {
        int[] sorted = distances.clone();
        Arrays.sort(sorted);
        int cut = sorted[Math.min(wanted, sorted.length) - 1];
        return IntStream.range(0, distances.length)
                .filter(doc -> distances[doc] <= cut)
                .toArray();
    }
}
