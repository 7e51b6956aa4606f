package dev.kindred.agent.tools;

import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Passage;
import dev.kindred.model.ToolDefinition;

/** {@code archival_memory_insert(content, tags?)}: stores a passage in archival memory. */
public final class ArchivalMemoryInsertTool implements Tool {
    private final ArchivalMemory archival;

    public ArchivalMemoryInsertTool(ArchivalMemory archival) {
        this.archival = archival;
    }

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(
                "archival_memory_insert",
                "Store a note in archival memory (long-term, searchable, unlimited). Write self-contained text with "
                        + "absolute dates; add tags to group related notes.",
                Tool.schema()
                        .string("content", "The text to store.", true)
                        .strings("tags", "Optional tags, e.g. [\"health\", \"family\"].", false)
                        .build());
    }

    @Override
    public ToolResult execute(ToolContext context, ToolArgs args) {
        Passage passage = archival.insert(
                context.agent().id(),
                args.string("content"),
                args.strings("tags"),
                context.author(),
                context.serverChannelId());
        return ToolResult.ok("Stored in archival memory as " + passage.id() + ".");
    }
}
