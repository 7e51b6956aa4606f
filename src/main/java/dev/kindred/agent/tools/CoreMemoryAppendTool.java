package dev.kindred.agent.tools;

import dev.kindred.agent.BlockEditor;
import dev.kindred.memory.Block;
import dev.kindred.model.ToolDefinition;

/** Letta's older {@code core_memory_append(label, content)}: appends on a new line. Kept for imported agents. */
public final class CoreMemoryAppendTool implements Tool {
    private final BlockEditor editor;

    public CoreMemoryAppendTool(BlockEditor editor) {
        this.editor = editor;
    }

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(
                "core_memory_append",
                "Append text to a memory block, on a new line.",
                Tool.schema()
                        .string("label", "Label of the block.", true)
                        .string("content", "Text to append.", true)
                        .build());
    }

    @Override
    public ToolResult execute(ToolContext context, ToolArgs args) {
        String label = args.string("label");
        String content = args.string("content");
        Block block = editor.edit(context, label, value -> value + "\n" + content);
        return ToolResult.ok(
                "Appended to block '" + label + "' (" + block.value().length() + "/" + block.limit() + " characters).");
    }
}
