package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScratchTest {
    private final Scratch scratch = Scratch.forThisThread();

    @Test
    void anIndexThatGrowsByAFewDocumentsKeepsItsArrays() {
        float[] scores = scratch.zeroFloats(100_000);
        boolean[] flags = scratch.clearFlags(100_000);
        int[] ints = scratch.ints(100_000);

        assertThat(scratch.zeroFloats(100_004)).isSameAs(scores);
        assertThat(scratch.clearFlags(100_004)).isSameAs(flags);
        assertThat(scratch.ints(100_004)).isSameAs(ints);
    }

    @Test
    void reusedArraysComeBackCleared() {
        scratch.zeroFloats(50)[49] = 3f;
        scratch.clearFlags(50)[49] = true;

        assertThat(scratch.zeroFloats(60)[49]).isZero();
        assertThat(scratch.clearFlags(60)[49]).isFalse();
    }
}
