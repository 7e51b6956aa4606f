package dev.kindred.agent.tools;

import dev.kindred.agent.BlockEditor;
import dev.kindred.memory.Block;
import dev.kindred.memory.UserInputException;
import dev.kindred.model.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/** {@code memory_replace(label, old_string, new_string)}: replaces one exact, unique occurrence. */
public final class MemoryReplaceTool implements Tool {
    private final BlockEditor editor;

    public MemoryReplaceTool(BlockEditor editor) {
        this.editor = editor;
    }

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(
                "memory_replace",
                "Replace an exact snippet in a memory block. old_string must appear exactly once in the block "
                        + "(include surrounding words to make it unique). An empty new_string deletes the snippet.",
                Tool.schema()
                        .string("label", "Label of the block to edit, e.g. human or persona.", true)
                        .member()
                        .string("old_string", "The exact text to replace, as it appears in the block.", true)
                        .string("new_string", "The text to put in its place.", true)
                        .build());
    }

    @Override
    public ToolResult execute(ToolContext context, ToolArgs args) {
        String label = args.string("label");
        String oldString = args.string("old_string");
        String newString = args.string("new_string");
        Block block = editor.edit(context, label, value -> replaceUnique(label, value, oldString, newString));
        return ToolResult.ok(
                "Block '" + label + "' edited (" + block.value().length() + "/" + block.limit() + " characters).");
    }

    static String replaceUnique(String label, String value, String oldString, String newString) {
        if (oldString.isEmpty()) {
            throw new UserInputException("old_string must not be empty");
        }
        List<Integer> lines = occurrenceLines(value, oldString);
        if (lines.isEmpty()) {
            throw new UserInputException("old_string did not appear verbatim in block '" + label + "'");
        }
        if (lines.size() > 1) {
            throw new UserInputException("old_string matches " + lines.size() + " times in block '" + label
                    + "' (lines " + lines + "); include more context to make it unique");
        }
        return value.replace(oldString, newString);
    }

    private static List<Integer> occurrenceLines(String value, String needle) {
        List<Integer> lines = new ArrayList<>();
        for (int at = value.indexOf(needle); at >= 0; at = value.indexOf(needle, at + 1)) {
            lines.add(1
                    + (int) value.substring(0, at)
                            .chars()
                            .filter(c -> c == '\n')
                            .count());
        }
        return lines;
    }
}
