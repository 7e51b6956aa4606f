package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.UserInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent file's top-level lists by their file-local ids ({@code agent-0}, {@code block-3},
 * {@code tool-1}), checked for the right shape and for duplicate ids.
 */
final class FileIndex {
    private final Map<String, JsonNode> agents;
    private final Map<String, JsonNode> blocks;
    private final Map<String, JsonNode> tools;

    private FileIndex(Map<String, JsonNode> agents, Map<String, JsonNode> blocks, Map<String, JsonNode> tools) {
        this.agents = agents;
        this.blocks = blocks;
        this.tools = tools;
    }

    static FileIndex of(JsonNode root) {
        Map<String, JsonNode> agents = byId(root, "agents");
        if (agents.isEmpty()) {
            throw new UserInputException("this agent file holds no agent");
        }
        return new FileIndex(agents, byId(root, "blocks"), byId(root, "tools"));
    }

    private static Map<String, JsonNode> byId(JsonNode root, String list) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        List<JsonNode> items = Json.objects(root, list, "file");
        for (int i = 0; i < items.size(); i++) {
            String id = Json.text(items.get(i), "id", list + "[" + i + "]");
            if (byId.put(id, items.get(i)) != null) {
                throw new UserInputException("this agent file is damaged: two " + list + " have the id '" + id + "'");
            }
        }
        return byId;
    }

    Map<String, JsonNode> agents() {
        return agents;
    }

    JsonNode agent(String id, String where) {
        return require(agents, id, where, "agent");
    }

    JsonNode block(String id, String where) {
        return require(blocks, id, where, "block");
    }

    JsonNode tool(String id, String where) {
        return require(tools, id, where, "tool");
    }

    Map<String, JsonNode> blocks() {
        return blocks;
    }

    private static JsonNode require(Map<String, JsonNode> byId, String id, String where, String kind) {
        JsonNode node = byId.get(id);
        if (node == null) {
            throw new UserInputException("this agent file is damaged: " + where + " refers to " + kind + " '" + id
                    + "', which is not in the file");
        }
        return node;
    }
}
