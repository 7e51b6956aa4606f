package dev.kindred.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.config.ConfigException;
import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.ProviderConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelRouterTest {
    private static final ModelPrice PRICE = new ModelPrice(1, 0.1, 1.25, 5, 200_000);
    private static final String OPENAI_OK = """
            {"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"hi"}}]}
            """;

    private final StubHttpServer server = StubHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachProviderPrefixReachesItsEndpointWithTheBareModelName() {
        ModelRouter router = router(config(""), allKeys());
        server.enqueueJson(200, """
                {"content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}
                """);
        server.enqueueJson(200, OPENAI_OK).enqueueJson(200, OPENAI_OK).enqueueJson(200, OPENAI_OK);
        server.enqueueJson(200, """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"hi"}]},"finishReason":"STOP"}]}
                """);

        List<String> models = List.of(
                "anthropic/claude-sonnet-4-5",
                "openai/gpt-4.1",
                "openrouter/moonshotai/kimi-k2",
                "ollama/llama3.1",
                "gemini/gemini-2.5-flash");
        for (String model : models) {
            assertThat(router.chat(request(model)).model()).isEqualTo(model);
        }

        List<StubHttpServer.Received> received = server.received();
        assertThat(received)
                .extracting(StubHttpServer.Received::path)
                .containsExactly(
                        "/anthropic/v1/messages",
                        "/openai/v1/chat/completions",
                        "/openrouter/api/v1/chat/completions",
                        "/ollama/v1/chat/completions",
                        "/gemini/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(received.get(0).body().path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(received.get(2).body().path("model").asText()).isEqualTo("moonshotai/kimi-k2");
        assertThat(received.get(2).header("authorization")).isEqualTo("Bearer or-key");
        assertThat(received.get(3).header("authorization")).isEmpty();
    }

    @Test
    void unknownProviderIsRejectedWithTheConfiguredOnes() {
        ModelRouter router = router(config(""), allKeys());
        assertThatThrownBy(() -> router.chat(request("mistral/large")))
                .isInstanceOf(ModelException.class)
                .hasMessage("unknown model provider 'mistral' in mistral/large; configured providers: "
                        + "anthropic, gemini, ollama, openai, openrouter");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void providerWithoutItsKeyNamesTheVariable() {
        ModelRouter router = router(config(""), Map.of("OPENAI_API_KEY", "sk-1"));
        assertThatThrownBy(() -> router.chat(request("anthropic/claude-sonnet-4-5")))
                .isInstanceOf(ModelException.class)
                .hasMessage("provider anthropic needs an API key: set the environment variable ANTHROPIC_API_KEY");
    }

    @Test
    void defaultModelPrefersAnthropicThenOpenAiThenGemini() {
        assertThat(router(config(""), allKeys()).defaultModel()).isEqualTo("anthropic/claude-sonnet-4-5");
        assertThat(router(config(""), Map.of("GEMINI_API_KEY", "g", "OPENAI_API_KEY", "o"))
                        .defaultModel())
                .isEqualTo("openai/gpt-4.1");
        assertThat(router(config(""), Map.of("OPENROUTER_API_KEY", "r")).defaultModel())
                .isEqualTo("openrouter/moonshotai/kimi-k2");
    }

    @Test
    void configuredDefaultModelWins() {
        assertThat(router(config("ollama/llama3.1"), Map.of()).defaultModel()).isEqualTo("ollama/llama3.1");
    }

    @Test
    void configuredDefaultWithoutItsKeyFailsAtStartUp() {
        assertThatThrownBy(
                        () -> router(config("gemini/gemini-2.5-pro"), Map.of()).defaultModel())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GEMINI_API_KEY is not set");
    }

    @Test
    void noKeysAtAllListsTheVariablesToSetAndNeverPicksOllama() {
        assertThatThrownBy(() -> router(config(""), Map.of()).defaultModel())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("no model provider has an API key: set one of "
                        + "ANTHROPIC_API_KEY, OPENAI_API_KEY, GEMINI_API_KEY, OPENROUTER_API_KEY");
    }

    private ModelRouter router(ModelsConfig config, Map<String, String> env) {
        return ModelRouter.create(config, env, Clock.systemUTC());
    }

    private ModelsConfig config(String defaultModel) {
        Map<String, ProviderConfig> providers = new HashMap<>();
        providers.put("anthropic", provider("anthropic", "/anthropic", "ANTHROPIC_API_KEY", "claude-sonnet-4-5"));
        providers.put("openai", provider("openai", "/openai/v1", "OPENAI_API_KEY", "gpt-4.1"));
        providers.put("gemini", provider("gemini", "/gemini/v1beta", "GEMINI_API_KEY", "gemini-2.5-flash"));
        providers.put(
                "openrouter", provider("openai", "/openrouter/api/v1", "OPENROUTER_API_KEY", "moonshotai/kimi-k2"));
        providers.put("ollama", provider("openai", "/ollama/v1", "", "llama3.1"));
        return new ModelsConfig(
                defaultModel, providers, 3, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    private ProviderConfig provider(String type, String path, String keyEnv, String model) {
        return new ProviderConfig(type, server.uri(path).toString(), keyEnv, Map.of(model, PRICE, "zz-other", PRICE));
    }

    private static Map<String, String> allKeys() {
        return Map.of(
                "ANTHROPIC_API_KEY", "a-key",
                "OPENAI_API_KEY", "o-key",
                "GEMINI_API_KEY", "g-key",
                "OPENROUTER_API_KEY", "or-key");
    }

    private static ChatRequest request(String model) {
        return new ChatRequest(model, List.of(), List.of(), List.of(ChatMessage.user("hi")), 50);
    }
}
