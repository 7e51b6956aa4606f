package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void largeCollectionsFindTheNearestVectorThroughTheSignPrefilter() {
        // sign words summed one at a time (64), four at a time and then singly (200), four at a time (384)
        for (int dims : new int[] {64, 200, 384}) {
            Vectors vectors = new Vectors(dims, 200, 0);
            float[][] all = addRandom(vectors, new Random(7), 20_000, dims);

            for (int probe : new int[] {0, 9_999, 16_383, 16_384, 19_999}) { // either side of a scan block's edge
                int[] top = vectors.top(all[probe], DocSet.all(all.length), 3).docs();
                assertThat(top[0]).as("dims %d, probe %d", dims, probe).isEqualTo(probe);
            }
        }
    }

    @Test
    void theSignPrefilterPassesOnlyTheDocumentsNearestInSignBits() {
        for (int dims : new int[] {64, 200, 384}) {
            Random random = new Random(dims);
            Vectors vectors = new Vectors(dims, 100, 0);
            float[][] all = addRandom(vectors, random, 20_000, dims);
            float[] query = randomUnit(random, dims);
            int[] hamming =
                    Arrays.stream(all).mapToInt(v -> signDistance(v, query)).toArray();
            int cut = Arrays.stream(hamming).sorted().toArray()[99];

            int[] rescored = vectors.top(query, DocSet.all(all.length), 100).docs();

            assertThat(rescored).as("dims %d", dims).hasSize(100);
            assertThat(Arrays.stream(rescored).map(doc -> hamming[doc]).max().orElseThrow())
                    .as("dims %d", dims)
                    .isLessThanOrEqualTo(cut);
        }
    }

    @Test
    void whenTheSignPrefilterLetsEveryDocumentThroughItRanksAsAnExactScanWithNeighbours() {
        for (int dims : new int[] {33, 384}) { // a last sign word only partly used, and MiniLM's twelve full ones
            for (int count : new int[] {20_000, 1_000}) { // the sign path (over a scan block's edge), the exact scan
                Random random = new Random(dims + count);
                float weight = 0.3f;
                Vectors vectors = new Vectors(dims, count, weight);
                float[][] all = addRandom(vectors, random, count, dims);
                float[] query = randomUnit(random, dims);

                Ranking ranked = vectors.top(query, DocSets.where(count, doc -> doc % 7 != 3), 50);

                assertRanksAsExactScan(ranked, exactScoresWithNeighbours(all, query, weight), doc -> doc % 7 != 3);
            }
        }
    }

    @Test
    void aVectorGivenAfterItsDocumentWasAddedCountsForItAndItsNeighbours() {
        Random random = new Random(17);
        float weight = 0.3f;
        Vectors vectors = new Vectors(64, 100, weight);
        float[][] all = new float[300][];
        for (int doc = 0; doc < all.length; doc++) {
            all[doc] = randomUnit(random, 64);
            vectors.add(doc % 3 == 1 ? new float[64] : all[doc]); // every third embedded later
        }
        for (int doc = 1; doc < all.length; doc += 3) {
            vectors.set(doc, all[doc]);
        }
        float[] query = randomUnit(random, 64);

        Ranking ranked = vectors.top(query, DocSet.all(all.length), 20);

        assertRanksAsExactScan(ranked, exactScoresWithNeighbours(all, query, weight), doc -> true);
    }

    @Test
    void aVectorGivenLaterIsFoundThroughTheSignPrefilter() {
        Random random = new Random(19);
        Vectors vectors = new Vectors(384, 100, 0.3f);
        addRandom(vectors, random, 5_000, 384);
        int late = vectors.add(new float[384]);
        addRandom(vectors, random, 5_000, 384);
        float[] query = randomUnit(random, 384);

        vectors.set(late, query);

        assertThat(vectors.top(query, DocSet.all(vectors.size()), 1).docs()).containsExactly(late);
    }

    @Test
    void aDocumentTheFilterRefusesIsNeverACandidateThoughItIsTheNearest() {
        Random random = new Random(13);
        Vectors vectors = new Vectors(384, 100, 0);
        float[][] all = addRandom(vectors, random, 10_000, 384);
        float[] nearCopy = all[5_000].clone();
        nearCopy[0] += 0.05f;
        int copy = vectors.add(nearCopy);

        int[] top = vectors.top(all[5_000], DocSets.where(copy + 1, doc -> doc != 5_000), 3)
                .docs();

        assertThat(top[0]).isEqualTo(copy);
        assertThat(top).doesNotContain(5_000);
    }

    @Test
    void integerDotProductsMatchTheExactOnesWithinTheCodesPrecision() {
        Random random = new Random(11);
        Vectors vectors = new Vectors(384, 100, 0);
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
            Vectors vectors = new Vectors(dims, 10, 0);
            vectors.add(flat);

            assertThat(vectors.dot(IntQuery.of(flat), 0)).isCloseTo(1f, within(1e-3f));
        }
    }

    @Test
    void theFilterAppliesBeforeTheCut() {
        Random random = new Random(3);
        Vectors vectors = new Vectors(16, 50, 0);
        for (int i = 0; i < 10_000; i++) {
            vectors.add(randomUnit(random, 16));
        }

        int[] top = vectors.top(randomUnit(random, 16), DocSets.where(10_000, doc -> doc % 1000 == 0), 10)
                .docs();

        assertThat(top).hasSize(10);
        assertThat(Arrays.stream(top).boxed()).allMatch(doc -> doc % 1000 == 0);
    }

    @Test
    void buffersLeftByALargerSearchOnTheSameThreadChangeNothing() throws Exception {
        Random random = new Random(5);
        Vectors large = new Vectors(32, 100, 0);
        Vectors small = new Vectors(32, 100, 0);
        for (int i = 0; i < 30_000; i++) {
            large.add(randomUnit(random, 32));
        }
        for (int i = 0; i < 10_000; i++) {
            small.add(randomUnit(random, 32));
        }
        float[] query = randomUnit(random, 32);
        int[] fresh = CompletableFuture.supplyAsync(() -> small.top(
                                query, DocSets.where(10_000, doc -> doc % 3 != 0), 10)
                        .docs())
                .get();

        large.top(query, DocSet.all(30_000), 10);
        int[] afterLarge =
                small.top(query, DocSets.where(10_000, doc -> doc % 3 != 0), 10).docs();

        assertThat(afterLarge).containsExactly(fresh);
    }

    /** Each document's similarity to the query plus {@code weight} times its neighbours', in floats. */
    private static double[] exactScoresWithNeighbours(float[][] all, float[] query, float weight) {
        double[] similarity = new double[all.length];
        for (int doc = 0; doc < all.length; doc++) {
            for (int i = 0; i < query.length; i++) {
                similarity[doc] += query[i] * all[doc][i];
            }
        }
        double[] scores = new double[all.length];
        for (int doc = 0; doc < all.length; doc++) {
            double around = (doc > 0 ? similarity[doc - 1] : 0) + (doc + 1 < all.length ? similarity[doc + 1] : 0);
            scores[doc] = similarity[doc] + weight * around;
        }
        return scores;
    }

    /**
     * Scores within the int8 codes' precision of the exact ones, and every document ranked as high as
     * an exact scan ranks it, up to that precision (near ties may come in either order).
     */
    private static void assertRanksAsExactScan(Ranking ranked, double[] exact, IntPredicate accepted) {
        double precision = 0.01;
        double[] acceptedScores = IntStream.range(0, exact.length)
                .filter(accepted)
                .mapToDouble(doc -> -exact[doc])
                .sorted()
                .toArray();
        double lastExact = -acceptedScores[ranked.size() - 1];
        for (int i = 0; i < ranked.size(); i++) {
            int doc = ranked.docs()[i];
            assertThat(accepted.test(doc)).isTrue();
            assertThat((double) ranked.scores()[i]).isCloseTo(exact[doc], within(precision));
            assertThat(exact[doc]).isGreaterThanOrEqualTo(lastExact - 2 * precision);
        }
    }

    /** In how many dimensions the two vectors' signs differ. */
    private static int signDistance(float[] a, float[] b) {
        return (int) IntStream.range(0, a.length)
                .filter(i -> (a[i] > 0) != (b[i] > 0))
                .count();
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
