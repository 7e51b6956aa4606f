package dev.kindred.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a tool returns to the model, in Letta's shape: {@code {"status":"OK"|"Failed", ...}}. */
public sealed interface ToolResult {
    ObjectMapper JSON = new ObjectMapper();

    /** The JSON text sent back to the model. */
    String toJson();

    boolean failed();

    record Ok(JsonNode message) implements ToolResult {
        @Override
        public String toJson() {
            ObjectNode node = JSON.createObjectNode().put("status", "OK");
            node.set("message", message);
            return node.toString();
        }

        @Override
        public boolean failed() {
            return false;
        }
    }

    record Failed(String message) implements ToolResult {
        @Override
        public String toJson() {
            return JSON.createObjectNode()
                    .put("status", "Failed")
                    .put("message", message)
                    .toString();
        }

        @Override
        public boolean failed() {
            return true;
        }
    }

    static ToolResult ok(String message) {
        return new Ok(JSON.getNodeFactory().textNode(message));
    }

    static ToolResult ok(JsonNode message) {
        return new Ok(message);
    }

    static ToolResult failed(String message) {
        return new Failed(message);
    }
}
