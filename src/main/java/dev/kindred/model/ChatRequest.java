package dev.kindred.model;

import java.util.List;

/**
 * One model call. The prompt is laid out stable-first: {@code system} parts (instructions, then
 * memory), the tool definitions, then {@code messages}. Parts and messages flagged as cache
 * breakpoints end a prefix the provider may cache (Anthropic honours at most four).
 */
public record ChatRequest(
        String model, List<SystemPart> system, List<ToolDefinition> tools, List<ChatMessage> messages, int maxTokens) {

    public ChatRequest {
        system = List.copyOf(system);
        tools = List.copyOf(tools);
        messages = List.copyOf(messages);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    public ChatRequest withModel(String otherModel) {
        return new ChatRequest(otherModel, system, tools, messages, maxTokens);
    }

    /** The provider part of {@code provider/model}. */
    public String provider() {
        return ModelRef.parse(model).provider();
    }
}
