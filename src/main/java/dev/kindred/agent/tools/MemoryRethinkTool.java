package dev.kindred.agent.tools;

import dev.kindred.agent.BlockEditor;
import dev.kindred.memory.Block;
import dev.kindred.model.ToolDefinition;

/** {@code memory_rethink(label, new_memory)}: rewrites a whole block, creating it when absent. */
public final class MemoryRethinkTool implements Tool {
    private final BlockEditor editor;

    public MemoryRethinkTool(BlockEditor editor) {
        this.editor = editor;
    }

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(
                "memory_rethink",
                "Rewrite a memory block as a whole: consolidate, deduplicate, resolve contradictions, reorganise. "
                        + "Creates the block if it does not exist. Stay within the block's character limit.",
                Tool.schema()
                        .string("label", "Label of the block to rewrite (or create).", true)
                        .member()
                        .string("new_memory", "The complete new content of the block.", true)
                        .build());
    }

    @Override
    public ToolResult execute(ToolContext context, ToolArgs args) {
        String label = args.string("label");
        Block block = editor.rethink(context, label, args.string("new_memory"));
        return ToolResult.ok(
                "Block '" + label + "' rewritten (" + block.value().length() + "/" + block.limit() + " characters).");
    }
}
