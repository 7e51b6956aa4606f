package dev.kindred.bench;

import dev.kindred.embed.Embedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Embeds each distinct text once (in memory) and counts the time spent in the model. */
final class MemoEmbedder implements Embedder {
    private final Embedder delegate;
    private final Map<String, float[]> memo = new ConcurrentHashMap<>();
    private final AtomicLong nanos = new AtomicLong();

    MemoEmbedder(Embedder delegate) {
        this.delegate = delegate;
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }

    @Override
    public float[] embed(String text) {
        return memo.computeIfAbsent(text, t -> {
            long start = System.nanoTime();
            float[] vector = delegate.embed(t);
            nanos.addAndGet(System.nanoTime() - start);
            return vector;
        });
    }

    /** Reuses vectors saved by an earlier run (a file under target/, so nothing outlives a clean). */
    void load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String text = in.readUTF();
                float[] vector = new float[in.readInt()];
                for (int j = 0; j < vector.length; j++) {
                    vector[j] = in.readFloat();
                }
                memo.put(text, vector);
            }
        }
    }

    void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(memo.size());
            for (Map.Entry<String, float[]> e : memo.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
    }

    double seconds() {
        return nanos.get() / 1e9;
    }

    int distinctTexts() {
        return memo.size();
    }
}
