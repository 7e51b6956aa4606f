package dev.kindred.agent.tools;

import dev.kindred.agent.BlockEditor;
import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.UserInputException;
import dev.kindred.model.ToolDefinition;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools an agent is offered and the ones it may call. The primary agent gets the block-editing
 * tools only while sleeptime is off (as in Letta); the sleeptime agent gets the consolidation set.
 * Letta's older names ({@code core_memory_append}, {@code core_memory_replace}) are accepted when
 * called, without being offered, so imported agents' habits still work.
 */
public final class ToolSet {
    private static final Logger LOG = LoggerFactory.getLogger(ToolSet.class);

    private final Map<String, Tool> offered;
    private final boolean canEditBlocks;
    private final Map<String, Tool> callable;
    private final List<ToolDefinition> definitions;

    private ToolSet(List<Tool> offeredTools, List<Tool> aliases) {
        this.canEditBlocks = !aliases.isEmpty();
        this.offered = index(offeredTools.stream());
        this.callable = index(Stream.concat(offeredTools.stream(), aliases.stream()));
        this.definitions = offered.values().stream().map(Tool::definition).toList();
    }

    private static Map<String, Tool> index(Stream<Tool> tools) {
        Map<String, Tool> byName = new LinkedHashMap<>();
        tools.sorted(Comparator.comparing(Tool::name)).forEach(tool -> byName.put(tool.name(), tool));
        return byName;
    }

    public static ToolSet primary(
            BlockEditor editor, ArchivalMemory archival, RecallMemory recall, boolean canEditBlocks) {
        List<Tool> common = List.of(
                new ArchivalMemoryInsertTool(archival),
                new ArchivalMemorySearchTool(archival),
                new ConversationSearchTool(recall));
        if (!canEditBlocks) {
            return new ToolSet(common, List.of());
        }
        List<Tool> all = Stream.concat(
                        common.stream(), Stream.of(new MemoryReplaceTool(editor), new MemoryInsertTool(editor)))
                .toList();
        return new ToolSet(all, List.of(new CoreMemoryAppendTool(editor), new CoreMemoryReplaceTool(editor)));
    }

    public static ToolSet sleeptime(BlockEditor editor, ArchivalMemory archival) {
        return new ToolSet(
                List.of(
                        new MemoryRethinkTool(editor),
                        new MemoryReplaceTool(editor),
                        new MemoryInsertTool(editor),
                        new ArchivalMemoryInsertTool(archival),
                        new MemoryFinishEditsTool()),
                List.of(new CoreMemoryAppendTool(editor), new CoreMemoryReplaceTool(editor)));
    }

    /** Whether these tools can change memory blocks. */
    public boolean canEditBlocks() {
        return canEditBlocks;
    }

    /** Definitions in a stable order (by name), so the prompt prefix stays cacheable. */
    public List<ToolDefinition> definitions() {
        return definitions;
    }

    /** Whether calling {@code name} can only read memory (an unknown tool does nothing at all). */
    public boolean onlyReads(String name) {
        Tool tool = callable.get(name);
        return tool == null || tool.onlyReads();
    }

    /**
     * Runs a call; every problem, including an unknown tool, malformed JSON or a failure inside
     * Kindred (logged, not shown: its message may name internals), is a failed result for the model.
     */
    public ToolResult call(String name, String argumentsJson, ToolContext context) {
        Tool tool = callable.get(name);
        if (tool == null) {
            return ToolResult.failed("unknown tool '" + name + "'; available: " + String.join(", ", offered.keySet()));
        }
        try {
            return tool.execute(context, ToolArgs.parse(argumentsJson));
        } catch (UserInputException e) {
            return ToolResult.failed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("tool {} failed for agent {}", name, context.agent().id(), e);
            return ToolResult.failed(name + " failed inside Kindred ("
                    + e.getClass().getSimpleName() + "); carry on without it, or try again later");
        }
    }
}
