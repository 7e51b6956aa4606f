package dev.kindred.agent.tools;

import dev.kindred.model.ToolDefinition;

/** {@code memory_finish_edits()}: does nothing but end the sleeptime agent's editing run. */
public final class MemoryFinishEditsTool implements Tool {
    public static final String NAME = "memory_finish_edits";

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(
                NAME, "Call when you are done editing memory.", Tool.schema().build());
    }

    @Override
    public ToolResult execute(ToolContext context, ToolArgs args) {
        return ToolResult.ok("Memory edits finished.");
    }
}
