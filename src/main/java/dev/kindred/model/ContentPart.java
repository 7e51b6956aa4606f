package dev.kindred.model;

/** A part of a chat message: text, a tool call (assistant), or a tool result (tool). */
public sealed interface ContentPart {
    record Text(String text) implements ContentPart {}

    record ToolUse(ToolCall call) implements ContentPart {}

    record ToolResult(String toolCallId, String toolName, String content, boolean isError) implements ContentPart {}
}
