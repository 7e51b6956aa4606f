package dev.kindred.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.Endpoint;
import dev.kindred.model.JsonHttp;
import dev.kindred.model.ProviderCall;
import java.util.Map;

/**
 * Chat Completions ({@code POST {base}/chat/completions}): OpenAI itself and every compatible
 * endpoint (OpenRouter, Ollama, Groq, DeepSeek, Kimi...), told apart only by the base URL.
 */
public final class OpenAiChatModel implements ChatModel {
    private final Endpoint endpoint;
    private final JsonHttp http;

    public OpenAiChatModel(Endpoint endpoint, JsonHttp http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        Map<String, String> headers =
                endpoint.hasKey() ? Map.of("authorization", "Bearer " + endpoint.apiKey()) : Map.of();
        ProviderCall call = new ProviderCall(endpoint, request.model(), endpoint.resolve("/chat/completions"), headers);
        JsonNode answer = http.post(call, OpenAiRequest.toJson(request, request.model(), isOpenAi()));
        return OpenAiResponse.parse(call, answer);
    }

    /** OpenAI's own API wants max_completion_tokens (reasoning models refuse max_tokens); others want max_tokens. */
    private boolean isOpenAi() {
        return "api.openai.com".equals(endpoint.baseUrl().getHost());
    }
}
