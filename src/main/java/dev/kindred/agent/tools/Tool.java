package dev.kindred.agent.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.model.ToolDefinition;

/**
 * A tool the model can call. Implementations report every problem as {@link ToolResult.Failed},
 * never as an exception: a bad call must not end the turn.
 */
public interface Tool {
    ToolDefinition definition();

    ToolResult execute(ToolContext context, ToolArgs args);

    default String name() {
        return definition().name();
    }

    /** Whether the tool only reads memory, so running it again changes nothing. */
    default boolean onlyReads() {
        return false;
    }

    /** Builds a JSON schema object node for the parameters. */
    static Schema schema() {
        return new Schema();
    }

    /** A small builder for JSON Schema objects, so each tool declares its parameters in a few lines. */
    final class Schema {
        private final ObjectNode root = ToolResult.JSON.createObjectNode().put("type", "object");
        private final ObjectNode properties = root.putObject("properties");
        private final com.fasterxml.jackson.databind.node.ArrayNode required = root.putArray("required");

        public Schema string(String name, String description, boolean isRequired) {
            return property(name, "string", description, isRequired);
        }

        /** The optional {@code member}: in a server, whose own {@code human} block the call means. */
        public Schema member() {
            return string(
                    "member",
                    "In a server: the member_id of the member whose human block this is (default: who spoke last).",
                    false);
        }

        public Schema integer(String name, String description, boolean isRequired) {
            return property(name, "integer", description, isRequired);
        }

        public Schema strings(String name, String description, boolean isRequired) {
            ObjectNode p = properties.putObject(name).put("type", "array").put("description", description);
            p.putObject("items").put("type", "string");
            if (isRequired) {
                required.add(name);
            }
            return this;
        }

        private Schema property(String name, String type, String description, boolean isRequired) {
            properties.putObject(name).put("type", type).put("description", description);
            if (isRequired) {
                required.add(name);
            }
            return this;
        }

        public ObjectNode build() {
            return root.deepCopy();
        }
    }
}
