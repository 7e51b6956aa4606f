package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class Bm25Test {

    @Test
    void aRareTermOutweighsACommonOneAndShortDocumentsWinTies() {
        Bm25 bm25 = new Bm25();
        bm25.add(0, List.of("cat", "sat", "mat", "today"));
        bm25.add(1, List.of("cat", "sat"));
        bm25.add(2, List.of("zebra", "sat"));
        bm25.add(3, List.of("dog", "ran"));

        assertThat(bm25.top(List.of("cat"), DocSet.all(4), 10, 0).docs()).containsExactly(1, 0);
        assertThat(bm25.top(List.of("zebra", "sat"), DocSet.all(4), 10, 0).docs())
                .startsWith(2);
    }

    @Test
    void aCommonTermOnlyAddsToDocumentsThatRarerTermsMatched() {
        Bm25 bm25 = new Bm25();
        bm25.add(0, List.of("rare", "common"));
        bm25.add(1, List.of("rare", "filler"));
        for (int doc = 2; doc < 100; doc++) {
            bm25.add(doc, List.of("common", "filler"));
        }

        Ranking ranking = bm25.top(List.of("common", "rare"), DocSet.all(100), 10, 0);

        assertThat(ranking.docs()).containsExactly(0, 1);
        assertThat(ranking.scores()[0]).isGreaterThan(ranking.scores()[1]);
    }

    @Test
    void theRarestTermIsScoredInFullEvenWhenItIsCommonItself() {
        Bm25 bm25 = new Bm25();
        for (int doc = 0; doc < 100; doc++) {
            bm25.add(doc, doc % 2 == 0 ? List.of("common", "often") : List.of("common"));
        }

        Ranking ranking = bm25.top(List.of("common", "often"), DocSet.all(100), 100, 0);

        assertThat(ranking.size()).isEqualTo(50);
        assertThat(Arrays.stream(ranking.docs())).allMatch(doc -> doc % 2 == 0);
        assertThat(bm25.top(List.of("common"), DocSet.all(100), 100, 0).size()).isEqualTo(100);
    }

    @Test
    void buffersLeftByALargerSearchOnTheSameThreadChangeNothing() throws Exception {
        Bm25 large = index(5_000, 7);
        Bm25 small = index(300, 3);
        List<String> query = List.of("t1", "t2", "t5");
        int[] fresh = CompletableFuture.supplyAsync(
                        () -> small.top(query, DocSet.all(300), 20, 0.5f).docs())
                .get();

        large.top(query, DocSet.all(5_000), 20, 0.5f);
        int[] afterLarge = small.top(query, DocSet.all(300), 20, 0.5f).docs();

        assertThat(afterLarge).containsExactly(fresh);
    }

    /** Document n holds the terms t(n mod m) for each m from 2 to {@code spread}. */
    private static Bm25 index(int docs, int spread) {
        Bm25 bm25 = new Bm25();
        for (int doc = 0; doc < docs; doc++) {
            List<String> terms = new ArrayList<>();
            for (int m = 2; m <= spread; m++) {
                terms.add("t" + doc % m);
            }
            bm25.add(doc, terms);
        }
        return bm25;
    }
}
