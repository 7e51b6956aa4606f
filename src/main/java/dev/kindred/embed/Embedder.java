package dev.kindred.embed;

import java.util.List;

/** Turns text into unit-length vectors; similar meanings give close vectors. */
public interface Embedder {
    int dimensions();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
