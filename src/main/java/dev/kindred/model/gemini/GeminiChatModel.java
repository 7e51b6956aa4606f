package dev.kindred.model.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.Endpoint;
import dev.kindred.model.JsonHttp;
import dev.kindred.model.ProviderCall;
import java.util.Map;

/** Gemini's {@code POST {base}/models/{model}:generateContent}, the key in a header, never in the URL. */
public final class GeminiChatModel implements ChatModel {
    private final Endpoint endpoint;
    private final JsonHttp http;

    public GeminiChatModel(Endpoint endpoint, JsonHttp http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ProviderCall call = new ProviderCall(
                endpoint,
                request.model(),
                endpoint.resolve("/models/" + request.model() + ":generateContent"),
                Map.of("x-goog-api-key", endpoint.apiKey()));
        JsonNode answer = http.post(call, GeminiRequest.toJson(request, http.mapper()));
        return GeminiResponse.parse(call, answer);
    }
}
