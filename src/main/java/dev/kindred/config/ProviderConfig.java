package dev.kindred.config;

import java.util.Map;

/**
 * A model provider or a named OpenAI-compatible endpoint. {@code type} is the wire format
 * ({@code anthropic}, {@code openai} or {@code gemini}); the key comes from the environment
 * variable {@code apiKeyEnv} (empty for endpoints without a key, such as a local Ollama).
 */
public record ProviderConfig(String type, String baseUrl, String apiKeyEnv, Map<String, ModelPrice> models) {
    public static final java.util.Set<String> TYPES = java.util.Set.of("anthropic", "openai", "gemini");

    public ProviderConfig {
        if (!TYPES.contains(type)) {
            throw new ConfigException("provider type must be one of anthropic, openai, gemini; got '" + type + "'");
        }
        Require.notBlank("base-url", baseUrl);
        models = Map.copyOf(models);
    }
}
