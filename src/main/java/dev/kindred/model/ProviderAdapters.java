package dev.kindred.model;

import dev.kindred.model.anthropic.AnthropicChatModel;
import dev.kindred.model.gemini.GeminiChatModel;
import dev.kindred.model.openai.OpenAiChatModel;

/** Builds the adapter for a provider's wire format ({@code type} in the config). */
final class ProviderAdapters {
    private ProviderAdapters() {}

    static ChatModel create(String type, Endpoint endpoint, JsonHttp http) {
        return switch (type) {
            case "anthropic" -> new AnthropicChatModel(endpoint, http);
            case "openai" -> new OpenAiChatModel(endpoint, http);
            case "gemini" -> new GeminiChatModel(endpoint, http);
            default -> throw new IllegalArgumentException("unknown provider type " + type);
        };
    }
}
