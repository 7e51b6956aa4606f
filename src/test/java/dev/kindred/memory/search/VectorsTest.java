package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void largeCollectionsFindTheNearestVectorThroughTheSignPrefilter() {
        Vectors vectors = new Vectors(64, 200);
        float[][] all = addRandom(vectors, new Random(7), 20_000, 64);

        for (int probe : new int[] {0, 9_999, 19_999}) {
            int[] top = vectors.top(all[probe], DocSet.all(all.length), 3, 0).docs();
            assertThat(top[0]).isEqualTo(probe);
        }
    }

    @Test
    void whenTheSignPrefilterLetsEveryDocumentThroughItRanksAsAnExactScanWithNeighbours() {
        for (int dims : new int[] {33, 384}) { // a generic sign scan, and MiniLM's written-out one
            Random random = new Random(dims);
            int count = 9_000; // over the exact-scan limit, so the sign path runs; chunk edges at 1024 * n
            Vectors vectors = new Vectors(dims, count);
            for (int i = 0; i < count; i++) {
                vectors.add(randomUnit(random, dims));
            }
            float[] query = randomUnit(random, dims);
            IntQuery scaled = IntQuery.of(query);
            float weight = 0.3f;

            Ranking ranked = vectors.top(query, DocSets.where(count, doc -> doc % 7 != 3), 50, weight);

            TopK exact = new TopK(50);
            for (int doc = 0; doc < count; doc++) {
                if (doc % 7 != 3) {
                    float around = (doc > 0 ? vectors.dot(scaled, doc - 1) : 0)
                            + (doc + 1 < count ? vectors.dot(scaled, doc + 1) : 0);
                    exact.offer(doc, vectors.dot(scaled, doc) + weight * around);
                }
            }
            Ranking expected = exact.drain();
            assertThat(ranked.docs()).containsExactly(expected.docs());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(ranked.scores()[i]).isCloseTo(expected.scores()[i], within(1e-4f));
            }
        }
    }

    @Test
    void aDocumentTheFilterRefusesIsNeverACandidateThoughItIsTheNearest() {
        Random random = new Random(13);
        Vectors vectors = new Vectors(384, 100);
        float[][] all = addRandom(vectors, random, 10_000, 384);
        float[] nearCopy = all[5_000].clone();
        nearCopy[0] += 0.05f;
        int copy = vectors.add(nearCopy);

        int[] top = vectors.top(all[5_000], DocSets.where(copy + 1, doc -> doc != 5_000), 3, 0)
                .docs();

        assertThat(top[0]).isEqualTo(copy);
        assertThat(top).doesNotContain(5_000);
    }

    @Test
    void integerDotProductsMatchTheExactOnesWithinTheCodesPrecision() {
        Random random = new Random(11);
        Vectors vectors = new Vectors(384, 100);
        float[][] all = addRandom(vectors, random, 200, 384);
        float[] query = randomUnit(random, 384);
        IntQuery scaled = IntQuery.of(query);

        for (int doc = 0; doc < all.length; doc++) {
            double exact = 0;
            for (int i = 0; i < 384; i++) {
                exact += query[i] * all[doc][i];
            }
            assertThat((double) vectors.dot(scaled, doc)).isCloseTo(exact, within(0.01));
        }
    }

    @Test
    void aVectorAgreeingWithTheQueryInEveryDimensionDoesNotOverflowTheIntegerSum() {
        for (int dims : new int[] {384, 3072}) { // MiniLM's, and the widest embeddings in common use
            float[] flat = new float[dims];
            Arrays.fill(flat, (float) (1 / Math.sqrt(dims)));
            Vectors vectors = new Vectors(dims, 10);
            vectors.add(flat);

            assertThat(vectors.dot(IntQuery.of(flat), 0)).isCloseTo(1f, within(1e-3f));
        }
    }

    @Test
    void theFilterAppliesBeforeTheCut() {
        Random random = new Random(3);
        Vectors vectors = new Vectors(16, 50);
        for (int i = 0; i < 10_000; i++) {
            vectors.add(randomUnit(random, 16));
        }

        int[] top = vectors.top(randomUnit(random, 16), DocSets.where(10_000, doc -> doc % 1000 == 0), 10, 0)
                .docs();

        assertThat(top).hasSize(10);
        assertThat(Arrays.stream(top).boxed()).allMatch(doc -> doc % 1000 == 0);
    }

    @Test
    void buffersLeftByALargerSearchOnTheSameThreadChangeNothing() throws Exception {
        Random random = new Random(5);
        Vectors large = new Vectors(32, 100);
        Vectors small = new Vectors(32, 100);
        for (int i = 0; i < 30_000; i++) {
            large.add(randomUnit(random, 32));
        }
        for (int i = 0; i < 10_000; i++) {
            small.add(randomUnit(random, 32));
        }
        float[] query = randomUnit(random, 32);
        int[] fresh = CompletableFuture.supplyAsync(() -> small.top(
                                query, DocSets.where(10_000, doc -> doc % 3 != 0), 10, 0)
                        .docs())
                .get();

        large.top(query, DocSet.all(30_000), 10, 0);
        int[] afterLarge = small.top(query, DocSets.where(10_000, doc -> doc % 3 != 0), 10, 0)
                .docs();

        assertThat(afterLarge).containsExactly(fresh);
    }

    /** Adds {@code count} random unit vectors and returns them in the order added. */
    private static float[][] addRandom(Vectors vectors, Random random, int count, int dims) {
        float[][] all = new float[count][];
        for (int i = 0; i < all.length; i++) {
            all[i] = randomUnit(random, dims);
            vectors.add(all[i]);
        }
        return all;
    }

    private static float[] randomUnit(Random random, int dims) {
        float[] v = new float[dims];
        double norm = 0;
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dims; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
