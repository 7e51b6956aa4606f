package dev.kindred.model;

import dev.kindred.config.ModelsConfig;
import dev.kindred.config.ProviderConfig;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sends each request to the adapter of its {@code provider/} prefix, with the bare model name. The
 * answer names the model as asked ({@code provider/model}), so usage and prices line up with the
 * configuration.
 */
public final class ModelRouter implements ChatModel {
    private final ModelsConfig config;
    private final Map<String, String> env;
    private final Map<String, ChatModel> adapters = new TreeMap<>();

    /** @param env the process environment (or a test's map) holding the API keys */
    public ModelRouter(ModelsConfig config, Map<String, String> env, JsonHttp http) {
        this.config = config;
        this.env = Map.copyOf(env);
        config.providers()
                .forEach((name, provider) ->
                        apiKey(provider).ifPresent(key -> adapters.put(name, adapter(name, provider, key, http))));
    }

    public static ModelRouter create(ModelsConfig config, Map<String, String> env, Clock clock) {
        return new ModelRouter(config, env, JsonHttp.create(clock));
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ModelRef ref = ModelRef.parse(request.model());
        ChatResponse response = adapterFor(ref).chat(request.withModel(ref.model()));
        return new ChatResponse(
                response.text(), response.toolCalls(), response.stopReason(), response.usage(), ref.toString());
    }

    /**
     * The model new agents use: {@code models.default-model} when set, else the preferred model of
     * the first provider whose key is set. Endpoints without a key (a local Ollama) are only used
     * when configured, since one may not be running.
     *
     * @throws dev.kindred.config.ConfigException naming the variables to set when no provider is usable
     */
    public String defaultModel() {
        return new DefaultModel(config).choose(adapters.keySet());
    }

    /** Checks that a {@code provider/model} string can be served, without calling the provider. */
    public void check(String model) {
        adapterFor(ModelRef.parse(model));
    }

    private ChatModel adapterFor(ModelRef ref) {
        ChatModel adapter = adapters.get(ref.provider());
        if (adapter != null) {
            return adapter;
        }
        ProviderConfig provider = config.providers().get(ref.provider());
        if (provider == null) {
            throw ModelException.fatal("unknown model provider '" + ref.provider() + "' in " + ref
                    + "; configured providers: " + String.join(", ", new TreeMap<>(config.providers()).keySet()));
        }
        throw ModelException.fatal("provider " + ref.provider() + " needs an API key: set the environment variable "
                + provider.apiKeyEnv());
    }

    /** Empty key variable: no key needed. A variable that is named but unset: the provider is unusable. */
    private Optional<String> apiKey(ProviderConfig provider) {
        if (provider.apiKeyEnv().isEmpty()) {
            return Optional.of("");
        }
        String key = env.getOrDefault(provider.apiKeyEnv(), "").strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private ChatModel adapter(String name, ProviderConfig provider, String key, JsonHttp http) {
        Endpoint endpoint =
                new Endpoint(name, URI.create(provider.baseUrl()), key, provider.apiKeyEnv(), config.timeout());
        return ProviderAdapters.create(provider.type(), endpoint, http);
    }
}
