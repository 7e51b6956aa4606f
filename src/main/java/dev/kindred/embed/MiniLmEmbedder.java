package dev.kindred.embed;

import java.util.concurrent.atomic.AtomicReference;

/**
 * all-MiniLM-L6-v2 (quantised), run in-process with ONNX Runtime: no API key, no network, 384
 * dimensions. The model ships inside its jar; loading it takes about a second, so build one and share
 * it. Safe to call from several threads (ONNX Runtime sessions and the tokenizer are thread-safe).
 */
public final class MiniLmEmbedder implements Embedder {
    public static final int DIMENSIONS = 384;
    private static final long LOADER_STACK_BYTES = 32L << 20;

    private final SingleThreadedMiniLm model = load();

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return unit(model.embed(text));
    }

    /**
     * ONNX Runtime's environment set-up overflows a default 1 MB Java thread stack on Linux (a
     * SIGSEGV that kills the JVM), so the model is loaded on a short-lived thread with a large stack.
     * Inference afterwards is fine on any thread.
     */
    private static SingleThreadedMiniLm load() {
        AtomicReference<SingleThreadedMiniLm> loaded = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable task = () -> {
            try {
                loaded.set(new SingleThreadedMiniLm());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        };
        Thread loader = new Thread(null, task, "minilm-load", LOADER_STACK_BYTES);
        loader.start();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the MiniLM model", e);
        }
        SingleThreadedMiniLm model = loaded.get();
        if (model == null) {
            throw new IllegalStateException("could not load the MiniLM model", failure.get());
        }
        return model;
    }

    /** Scales the mean of the token vectors to unit length, for the dot-product search. */
    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
