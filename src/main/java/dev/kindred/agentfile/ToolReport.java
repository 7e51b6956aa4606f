package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which of an agent's Letta tools Kindred has. Letta's memory, archival and conversation tools map
 * onto Kindred's own (same names and semantics); {@code send_message} is not needed. Everything else
 * (custom code, MCP tools, built-ins such as web search) is named in a notice, never dropped silently.
 */
final class ToolReport {
    static final Set<String> KINDRED = Set.of(
            "conversation_search",
            "archival_memory_insert",
            "archival_memory_search",
            "memory_replace",
            "memory_insert",
            "memory_rethink",
            "memory_finish_edits",
            "core_memory_append",
            "core_memory_replace");
    private static final Set<String> NOT_NEEDED = Set.of("send_message");

    private ToolReport() {}

    static void report(JsonNode agent, String where, String agentName, FileIndex index, List<String> notices) {
        List<String> missing = new ArrayList<>();
        for (String id : Json.texts(agent, "tool_ids", where)) {
            JsonNode tool = index.tool(id, where + ".tool_ids");
            String name = Json.text(tool, "name", "tool '" + id + "'");
            if (!KINDRED.contains(name) && !NOT_NEEDED.contains(name)) {
                missing.add(name + " (" + kind(Json.optText(tool, "tool_type", "tool '" + id + "'", "custom")) + ")");
            }
        }
        if (!missing.isEmpty()) {
            notices.add(
                    agentName + ": tools Kindred does not have were not imported: " + String.join(", ", missing) + ".");
        }
    }

    private static String kind(String toolType) {
        return switch (toolType) {
            case "custom" -> "custom code";
            case "external_mcp" -> "MCP server tool";
            case "letta_builtin" -> "Letta built-in";
            case "letta_files_core" -> "Letta files";
            default -> toolType;
        };
    }
}
