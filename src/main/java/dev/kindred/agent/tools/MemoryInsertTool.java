package dev.kindred.agent.tools;

import dev.kindred.agent.BlockEditor;
import dev.kindred.memory.Block;
import dev.kindred.memory.UserInputException;
import dev.kindred.model.ToolDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code memory_insert(label, new_string, insert_line=-1)}: inserts after line N (0 top, -1 end). */
public final class MemoryInsertTool implements Tool {
    private final BlockEditor editor;

    public MemoryInsertTool(BlockEditor editor) {
        this.editor = editor;
    }

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(
                "memory_insert",
                "Insert text into a memory block after a given line (0 inserts at the top, -1 at the end).",
                Tool.schema()
                        .string("label", "Label of the block to edit.", true)
                        .member()
                        .string("new_string", "The text to insert.", true)
                        .integer(
                                "insert_line", "Line number after which to insert; 0 = top, -1 = end (default).", false)
                        .build());
    }

    @Override
    public ToolResult execute(ToolContext context, ToolArgs args) {
        String label = args.string("label");
        String text = args.string("new_string");
        int line = args.integer("insert_line", -1);
        Block block = editor.edit(context, label, value -> insert(value, text, line));
        return ToolResult.ok("Inserted into block '" + label + "' ("
                + block.value().length() + "/" + block.limit() + " characters).");
    }

    static String insert(String value, String text, int afterLine) {
        List<String> lines =
                value.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(value.split("\n", -1)));
        int at = afterLine == -1 ? lines.size() : afterLine;
        if (at < 0 || at > lines.size()) {
            throw new UserInputException("insert_line " + afterLine + " is out of range: the block has " + lines.size()
                    + " lines (use 0 to " + lines.size() + ", or -1)");
        }
        lines.addAll(at, Arrays.asList(text.split("\n", -1)));
        return String.join("\n", lines);
    }
}
