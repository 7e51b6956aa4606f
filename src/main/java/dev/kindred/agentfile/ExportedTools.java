package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kindred's memory tools as Letta tool entries (Letta resolves its built-in tools by name and type):
 * the primary's and, with sleeptime on, the sleeptime agent's.
 */
final class ExportedTools {
    private record Param(String name, String type, String description, boolean required) {}

    private record Spec(String name, String type, String description, List<Param> params) {}

    private static final Param LABEL = new Param("label", "string", "The memory block's label.", true);
    private static final List<Spec> SPECS = List.of(
            new Spec(
                    "conversation_search",
                    "letta_core",
                    "Search prior conversation history.",
                    List.of(
                            new Param("query", "string", "What to look for.", true),
                            new Param("limit", "integer", "How many results.", false))),
            new Spec(
                    "archival_memory_insert",
                    "letta_core",
                    "Add a passage to archival memory.",
                    List.of(new Param("content", "string", "The text to store.", true))),
            new Spec(
                    "archival_memory_search",
                    "letta_core",
                    "Search archival memory.",
                    List.of(
                            new Param("query", "string", "What to look for.", true),
                            new Param("top_k", "integer", "How many results.", false))),
            new Spec(
                    "memory_replace",
                    "letta_sleeptime_core",
                    "Replace one exact occurrence of text in a memory block.",
                    List.of(
                            LABEL,
                            new Param("old_str", "string", "The exact text to replace.", true),
                            new Param("new_str", "string", "The new text.", true))),
            new Spec(
                    "memory_insert",
                    "letta_sleeptime_core",
                    "Insert text into a memory block after a line (0 top, -1 end).",
                    List.of(
                            LABEL,
                            new Param("new_str", "string", "The text to insert.", true),
                            new Param("insert_line", "integer", "The line to insert after.", false))),
            new Spec(
                    "memory_rethink",
                    "letta_sleeptime_core",
                    "Rewrite a whole memory block.",
                    List.of(LABEL, new Param("new_memory", "string", "The new contents of the block.", true))),
            new Spec("memory_finish_edits", "letta_sleeptime_core", "Finish editing memory.", List.of()));

    static final List<String> PRIMARY =
            List.of("conversation_search", "archival_memory_search", "archival_memory_insert");
    static final List<String> EDITING = List.of("memory_replace", "memory_insert");
    static final List<String> SLEEPTIME =
            List.of("memory_rethink", "memory_replace", "memory_insert", "memory_finish_edits");

    private ExportedTools() {}

    /** Writes every tool into {@code tools} and returns the file id of each by name. */
    static Map<String, String> write(ArrayNode tools) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (Spec spec : SPECS) {
            String id = "tool-" + ids.size();
            ids.put(spec.name(), id);
            tools.add(tool(id, spec));
        }
        return ids;
    }

    static List<String> ids(Map<String, String> byName, List<String> names) {
        List<String> ids = new ArrayList<>();
        names.forEach(name -> ids.add(byName.get(name)));
        return ids;
    }

    private static ObjectNode tool(String id, Spec spec) {
        ObjectNode tool = AgentFileJson.MAPPER.createObjectNode();
        tool.put("id", id).put("name", spec.name()).put("tool_type", spec.type());
        tool.put("description", spec.description()).put("source_type", "python");
        tool.putArray("tags").add(spec.type());
        tool.putNull("source_code");
        ObjectNode schema = tool.putObject("json_schema");
        schema.put("name", spec.name()).put("description", spec.description());
        ObjectNode parameters = schema.putObject("parameters").put("type", "object");
        ObjectNode properties = parameters.putObject("properties");
        ArrayNode required = parameters.putArray("required");
        for (Param param : spec.params()) {
            properties.putObject(param.name()).put("type", param.type()).put("description", param.description());
            if (param.required()) {
                required.add(param.name());
            }
        }
        tool.put("return_char_limit", 50_000);
        return tool;
    }
}
