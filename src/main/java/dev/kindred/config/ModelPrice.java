package dev.kindred.config;

/** A model's prices in US dollars per million tokens, and its context window in tokens. */
public record ModelPrice(double input, double cachedInput, double cacheWrite, double output, int contextWindow) {
    public ModelPrice {
        if (input < 0 || cachedInput < 0 || cacheWrite < 0 || output < 0) {
            throw new ConfigException("model prices must not be negative");
        }
        if (contextWindow < 1_000) {
            throw new ConfigException("a model's context-window must be at least 1000 tokens, got " + contextWindow);
        }
    }
}
