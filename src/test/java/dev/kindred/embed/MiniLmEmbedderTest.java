package dev.kindred.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kindred.memory.search.SharedMiniLm;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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

    @Test
    void vectorsAreTheOnesLangchain4jsEncoderGivesForTheSameModel() throws Exception {
        // vectors stored before Kindred ran the model itself must stay comparable with new ones
        EmbeddingModel reference = onLargeStack(AllMiniLmL6V2QuantizedEmbeddingModel::new);
        String beyondTheTokenLimit = "The lighthouse keeper wrote about the tide, the gulls and the lamp. ".repeat(20);
        for (String text : List.of(
                "The quick brown fox jumps over the lazy dog.",
                "Ada's trip to the lighthouse, on 3 May 2024!",
                "Café naïve résumé, über-cool",
                beyondTheTokenLimit)) {
            float[] expected = reference.embed(text).content().vector();

            assertThat(embedder.embed(text)).as(text).containsExactly(expected, within(1e-4f));
        }
    }

    @Test
    void aTextLongerThanTheModelReadsIsEmbeddedByItsBeginning() {
        String beginning = "My sister Ada moved to Lisbon in spring and works at the aquarium. ";
        float[] alone = embedder.embed(beginning.repeat(12));
        float[] withATail = embedder.embed(beginning.repeat(12) + "Quarterly tax filings are due in April.");

        assertThat(withATail).containsExactly(alone, within(1e-6f));
    }

    @Test
    void anEmptyTextGetsAUnitVector() {
        float[] vector = embedder.embed("");

        assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-4));
    }

    /** ONNX Runtime's set-up needs more than a default thread stack (see MiniLmEmbedder). */
    private static <T> T onLargeStack(Supplier<T> create) throws InterruptedException {
        AtomicReference<T> created = new AtomicReference<>();
        Thread thread = new Thread(null, () -> created.set(create.get()), "reference-load", 32L << 20);
        thread.start();
        thread.join();
        return created.get();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
