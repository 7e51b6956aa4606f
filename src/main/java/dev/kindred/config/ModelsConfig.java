package dev.kindred.config;

import java.time.Duration;
import java.util.Map;

/**
 * Providers, the default model ({@code provider/model}; empty means: chosen from the API keys
 * present), and the retry policy shared by every provider.
 */
public record ModelsConfig(
        String defaultModel,
        Map<String, ProviderConfig> providers,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration timeout) {
    public ModelsConfig {
        providers = Map.copyOf(providers);
        Require.between("models.max-attempts", maxAttempts, 1, 10);
        Require.positive("models.initial-backoff", initialBackoff);
        Require.positive("models.max-backoff", maxBackoff);
        Require.positive("models.timeout", timeout);
    }
}
