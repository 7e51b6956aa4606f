package dev.kindred.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kindred.memory.search.SharedMiniLm;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
    private final Embedder embedder = SharedMiniLm.get();

    @Test
    void vectorsHave384UnitLengthDimensions() {
        float[] vector = embedder.embed("The quick brown fox jumps over the lazy dog.");

        assertThat(vector).hasSize(384);
        assertThat(embedder.dimensions()).isEqualTo(384);
        assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void similarMeaningsAreCloserThanUnrelatedOnes() {
        float[] dog = embedder.embed("my dog loves the beach");
        float[] pet = embedder.embed("a pet at the seaside");
        float[] tax = embedder.embed("quarterly tax filing deadline");

        assertThat(dot(dog, pet)).isGreaterThan(dot(dog, tax) + 0.2);
    }

    @Test
    void batchAndConcurrentCallsGiveTheSameVectorsAsSingleCalls() throws Exception {
        List<String> texts = List.of("first text about cats", "second text about trains", "third about tea");
        List<float[]> batch = embedder.embedAll(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> parallel = texts.stream()
                    .map(t -> pool.submit(() -> embedder.embed(t)))
                    .toList();
            for (int i = 0; i < texts.size(); i++) {
                assertThat(parallel.get(i).get()).containsExactly(batch.get(i), within(1e-5f));
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
