package dev.kindred.agent.tools;

import dev.kindred.agent.BlockEditor;
import dev.kindred.memory.Block;
import dev.kindred.memory.UserInputException;
import dev.kindred.model.ToolDefinition;

/** Letta's older {@code core_memory_replace(label, old_content, new_content)}: replaces every match. */
public final class CoreMemoryReplaceTool implements Tool {
    private final BlockEditor editor;

    public CoreMemoryReplaceTool(BlockEditor editor) {
        this.editor = editor;
    }

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(
                "core_memory_replace",
                "Replace every occurrence of old_content in a memory block with new_content.",
                Tool.schema()
                        .string("label", "Label of the block.", true)
                        .string("old_content", "Text to replace.", true)
                        .string("new_content", "Replacement text.", true)
                        .build());
    }

    @Override
    public ToolResult execute(ToolContext context, ToolArgs args) {
        String label = args.string("label");
        String oldContent = args.string("old_content");
        String newContent = args.string("new_content");
        Block block = editor.edit(context, label, value -> {
            if (oldContent.isEmpty() || !value.contains(oldContent)) {
                throw new UserInputException("old_content did not appear in block '" + label + "'");
            }
            return value.replace(oldContent, newContent);
        });
        return ToolResult.ok(
                "Block '" + label + "' edited (" + block.value().length() + "/" + block.limit() + " characters).");
    }
}
