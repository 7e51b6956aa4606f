package dev.kindred.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.Endpoint;
import dev.kindred.model.JsonHttp;
import dev.kindred.model.ProviderCall;
import java.util.Map;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}). {@link ChatRequest#model()} is the bare
 * vendor model name here; the router strips the provider prefix.
 */
public final class AnthropicChatModel implements ChatModel {
    static final String API_VERSION = "2023-06-01";

    private final Endpoint endpoint;
    private final JsonHttp http;

    public AnthropicChatModel(Endpoint endpoint, JsonHttp http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ProviderCall call = new ProviderCall(
                endpoint,
                request.model(),
                endpoint.resolve("/v1/messages"),
                Map.of("x-api-key", endpoint.apiKey(), "anthropic-version", API_VERSION));
        JsonNode answer = http.post(call, AnthropicRequest.toJson(request, request.model()));
        return AnthropicResponse.parse(call, answer);
    }
}
