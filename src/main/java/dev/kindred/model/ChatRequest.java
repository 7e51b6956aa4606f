package dev.kindred.model;

import java.util.List;

/**
 * One model call. The prompt is laid out stable-first: {@code system} parts (instructions, then
 * memory), the tool definitions, then {@code messages}. Parts and messages flagged as cache
 * breakpoints end a prefix the provider may cache (Anthropic honours at most four). {@code
 * cacheTools} asks for a breakpoint right after the tool definitions, which Anthropic places before
 * the system prompt: it keeps the tools cached while the system prompt changes.
 */
public record ChatRequest(
        String model,
        List<SystemPart> system,
        List<ToolDefinition> tools,
        List<ChatMessage> messages,
        int maxTokens,
        boolean cacheTools) {

    public ChatRequest {
        system = List.copyOf(system);
        tools = List.copyOf(tools);
        messages = List.copyOf(messages);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    /** A request without a breakpoint after the tools. */
    public ChatRequest(
            String model,
            List<SystemPart> system,
            List<ToolDefinition> tools,
            List<ChatMessage> messages,
            int maxTokens) {
        this(model, system, tools, messages, maxTokens, false);
    }

    public ChatRequest withModel(String otherModel) {
        return new ChatRequest(otherModel, system, tools, messages, maxTokens, cacheTools);
    }

    public ChatRequest withCacheTools(boolean flag) {
        return new ChatRequest(model, system, tools, messages, maxTokens, flag);
    }

    /** The provider part of {@code provider/model}. */
    public String provider() {
        return ModelRef.parse(model).provider();
    }
}
