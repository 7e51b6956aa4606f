package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** Notices for what the file holds that Kindred does not import: files, sources, MCP servers, skills. */
final class TopLevelNotices {
    private TopLevelNotices() {}

    static void add(JsonNode root, FileIndex index, Set<String> plannedBlocks, List<String> notices) {
        count(root, "files", "attached files", notices);
        count(root, "sources", "data sources (folders)", notices);
        count(root, "mcp_servers", "MCP server configurations", notices);
        count(root, "skills", "skills", notices);
        long orphans = index.blocks().keySet().stream()
                .filter(id -> !plannedBlocks.contains(id))
                .count();
        if (orphans > 0) {
            notices.add(orphans + " blocks attached to no imported agent were not imported.");
        }
    }

    private static void count(JsonNode root, String field, String what, List<String> notices) {
        int size = Json.array(root, field, "file").size();
        if (size > 0) {
            notices.add(size + " " + what + " in the file were not imported: Kindred has no equivalent.");
        }
    }
}
