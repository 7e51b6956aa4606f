package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FusedScoresTest {

    @Test
    void eachListIsScaledBetweenItsFloorAndItsBestThenWeightedAndAdded() {
        Ranking keyword = new Ranking(new int[] {1, 2, 3}, new float[] {10, 5, 1}, 1);
        Ranking vector = new Ranking(new int[] {2, 4, 1}, new float[] {0.9f, 0.85f, 0.5f}, 0.5f);

        Ranking best = new FusedScores(keyword, 1.0, vector, 0.5).best(10);

        assertThat(best.docs()).containsExactly(1, 2, 4, 3);
        assertThat(best.scores()[0]).isCloseTo(1f, within(1e-6f));
        assertThat(best.scores()[1]).isCloseTo(4f / 9 + 0.5f, within(1e-6f));
        assertThat(best.scores()[2]).isCloseTo(0.5f * 0.875f, within(1e-6f));
        assertThat(best.scores()[3]).isZero();
    }

    @Test
    void aDocumentFarAheadInOneListStaysAheadOfOneMerelyNearTheTopOfBoth() {
        Ranking keyword = new Ranking(new int[] {1, 2, 3}, new float[] {20, 4, 3.9f}, 2);
        Ranking vector = new Ranking(new int[] {4, 2, 3}, new float[] {0.7f, 0.69f, 0.68f}, 0.6f);

        Ranking best = new FusedScores(keyword, 1.0, vector, 0.5).best(1);

        assertThat(best.docs()).containsExactly(1);
    }

    @Test
    void aSoleKeywordMatchEarnsTheWholeKeywordWeight() {
        Ranking keyword = new Ranking(new int[] {7}, new float[] {3.2f}, 0);
        Ranking vector = new Ranking(new int[] {5, 7}, new float[] {0.6f, 0.3f}, 0);

        Ranking best = new FusedScores(keyword, 1.0, vector, 0.6).best(2);

        assertThat(best.docs()).containsExactly(7, 5);
        assertThat(best.scores()[0]).isCloseTo(1.3f, within(1e-6f));
    }

    @Test
    void documentsTheTestRejectsKeepTheGivenShareOfTheirScore() {
        Ranking keyword = new Ranking(new int[] {1, 2}, new float[] {2, 1}, 0);
        FusedScores fused = new FusedScores(keyword, 1.0, new Ranking(new int[0], new float[0], 0), 1.0);

        fused.scaleUnless(doc -> doc == 2, 0.25);

        Ranking best = fused.best(2);
        assertThat(best.docs()).containsExactly(2, 1);
        assertThat(best.scores()).containsExactly(0.5f, 0.25f);
    }
}
