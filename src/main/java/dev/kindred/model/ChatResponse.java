package dev.kindred.model;

import java.util.List;

/** The model's answer: text for the user (reasoning removed), tool calls, why it stopped, usage. */
public record ChatResponse(String text, List<ToolCall> toolCalls, StopReason stopReason, Usage usage, String model) {
    public ChatResponse {
        toolCalls = List.copyOf(toolCalls);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
