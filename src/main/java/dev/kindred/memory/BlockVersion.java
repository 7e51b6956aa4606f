package dev.kindred.memory;

import java.time.Instant;

/**
 * One kept version of a block. {@code author} is {@code user:<id>}, {@code agent}, {@code sleeptime}
 * or {@code import}.
 */
public record BlockVersion(
        String blockId, String label, long version, String value, String author, Instant createdAt) {}
