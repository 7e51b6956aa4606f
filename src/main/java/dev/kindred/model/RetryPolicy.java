package dev.kindred.model;

import dev.kindred.config.ModelsConfig;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter. A provider's retry-after is honoured up to {@code maxBackoff};
 * when it asks for longer, waiting less would only earn another 429, so we stop retrying.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy from(ModelsConfig config) {
        return new RetryPolicy(config.maxAttempts(), config.initialBackoff(), config.maxBackoff());
    }

    /** The wait before attempt {@code attempt + 1}: half the exponential step fixed, half random. */
    Duration backoff(int attempt, RandomGenerator random) {
        long step = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(step, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }

    boolean honours(Duration retryAfter) {
        return retryAfter.compareTo(maxBackoff) <= 0;
    }
}
