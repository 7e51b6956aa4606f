package dev.kindred.memory.search;

/** A document key and its fused score. */
record Scored<K>(K key, double score) {}
