package dev.kindred.bench;

import dev.kindred.embed.Embedder;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cheap deterministic stand-in for MiniLM in the scale benchmark: the normalised sum of one fixed
 * pseudo-random vector per word. Texts sharing words get close vectors, as with a real model, at
 * microseconds a text instead of milliseconds (MiniLM would need hours for 100k passages on 2 cores).
 */
final class HashingEmbedder implements Embedder {
    private final int dims;
    private final Map<String, float[]> words = new ConcurrentHashMap<>();

    HashingEmbedder(int dims) {
        this.dims = dims;
    }

    @Override
    public int dimensions() {
        return dims;
    }

    @Override
    public float[] embed(String text) {
        float[] sum = new float[dims];
        for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                float[] v = words.computeIfAbsent(word, this::wordVector);
                for (int i = 0; i < dims; i++) {
                    sum[i] += v[i];
                }
            }
        }
        double norm = 0;
        for (float f : sum) {
            norm += f * f;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dims; i++) {
            sum[i] *= scale;
        }
        return sum;
    }

    private float[] wordVector(String word) {
        Random random = new Random(word.hashCode());
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
