package dev.kindred.model;

/**
 * Tokens of one model call. {@code inputTokens} counts only uncached input; the total input is
 * {@code inputTokens + cacheReadTokens + cacheWriteTokens} (Anthropic's convention, which the
 * adapters of providers that count cached tokens inside the prompt total convert to).
 */
public record Usage(long inputTokens, long cacheReadTokens, long cacheWriteTokens, long outputTokens) {
    public static final Usage ZERO = new Usage(0, 0, 0, 0);

    public long totalInput() {
        return inputTokens + cacheReadTokens + cacheWriteTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(
                inputTokens + other.inputTokens,
                cacheReadTokens + other.cacheReadTokens,
                cacheWriteTokens + other.cacheWriteTokens,
                outputTokens + other.outputTokens);
    }
}
