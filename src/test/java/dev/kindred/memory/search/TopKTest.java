package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void keepsTheBestBestFirstAndTiesGoToTheNewerDocument() {
        TopK top = new TopK(3);
        float[] scores = {0.5f, 0.9f, 0.1f, 0.9f, 0.7f, 0.5f};
        for (int doc = 0; doc < scores.length; doc++) {
            top.offer(doc, scores[doc]);
        }

        Ranking best = top.drain();

        assertThat(best.docs()).containsExactly(3, 1, 4);
        assertThat(best.scores()).containsExactly(0.9f, 0.9f, 0.7f);
    }

    @Test
    void theFloorIsTheWorstKeptScoreWhenSomethingWasCutElseZero() {
        TopK cut = new TopK(2);
        TopK roomy = new TopK(5);
        for (int doc = 0; doc < 4; doc++) {
            cut.offer(doc, doc + 1);
            roomy.offer(doc, doc + 1);
        }

        assertThat(cut.drain().floor()).isEqualTo(3f);
        assertThat(roomy.drain().floor()).isZero();
    }
}
