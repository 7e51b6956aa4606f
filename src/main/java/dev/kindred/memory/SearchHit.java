package dev.kindred.memory;

/** A search result and its fused relevance score (higher is better). */
public record SearchHit<T>(T item, double score) {}
