package dev.kindred.model;

import dev.kindred.config.ConfigException;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Picks the default model from the configuration and the API keys present. */
final class DefaultModel {
    private static final List<String> PREFERRED_PROVIDERS = List.of("anthropic", "openai", "gemini");
    private static final Map<String, String> PREFERRED_MODELS = Map.of(
            "anthropic", "claude-sonnet-4-5",
            "openai", "gpt-4.1",
            "gemini", "gemini-2.5-flash");

    private final ModelsConfig config;

    DefaultModel(ModelsConfig config) {
        this.config = config;
    }

    String choose(Set<String> usable) {
        if (!config.defaultModel().isBlank()) {
            return configured(usable);
        }
        for (String name : candidates()) {
            ProviderConfig provider = config.providers().get(name);
            if (usable.contains(name) && !provider.apiKeyEnv().isEmpty()) {
                return name + "/" + preferredModel(name, provider);
            }
        }
        throw new ConfigException("no model provider has an API key: set one of "
                + String.join(", ", keyVariables())
                + ", or set models.default-model (for example ollama/llama3.1 for a local Ollama)");
    }

    private String configured(Set<String> usable) {
        ModelRef ref = ModelRef.parse(config.defaultModel());
        ProviderConfig provider = config.providers().get(ref.provider());
        if (provider == null) {
            throw new ConfigException("config key 'models.default-model': provider '" + ref.provider()
                    + "' is not configured; configured providers: "
                    + String.join(", ", new TreeSet<>(config.providers().keySet())));
        }
        if (!usable.contains(ref.provider())) {
            throw new ConfigException("config key 'models.default-model' is " + ref + ", but the environment variable "
                    + provider.apiKeyEnv() + " is not set");
        }
        return ref.toString();
    }

    /** anthropic, openai, gemini first, then the other providers alphabetically. */
    private List<String> candidates() {
        List<String> names = new ArrayList<>();
        for (String name : PREFERRED_PROVIDERS) {
            if (config.providers().containsKey(name)) {
                names.add(name);
            }
        }
        for (String name : new TreeSet<>(config.providers().keySet())) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String preferredModel(String name, ProviderConfig provider) {
        String preferred = PREFERRED_MODELS.get(name);
        if (preferred != null && provider.models().containsKey(preferred)) {
            return preferred;
        }
        if (provider.models().isEmpty()) {
            throw new ConfigException("provider " + name + " lists no models; set models.default-model");
        }
        return new TreeSet<>(provider.models().keySet()).first();
    }

    private List<String> keyVariables() {
        List<String> variables = new ArrayList<>();
        for (String name : candidates()) {
            String env = config.providers().get(name).apiKeyEnv();
            if (!env.isEmpty()) {
                variables.add(env);
            }
        }
        return variables;
    }
}
