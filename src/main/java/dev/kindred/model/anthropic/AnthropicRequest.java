package dev.kindred.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ContentPart;
import dev.kindred.model.SystemPart;
import dev.kindred.model.ToolDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a Messages API body. Anthropic caches the prefix tools, system, messages up to each block
 * carrying {@code cache_control}, and accepts at most four such blocks: the earliest extra ones are
 * dropped, since the later breakpoints cover longer prefixes.
 */
final class AnthropicRequest {
    static final int MAX_BREAKPOINTS = 4;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<ObjectNode> breakpoints = new ArrayList<>();

    private AnthropicRequest() {}

    static ObjectNode toJson(ChatRequest request, String model) {
        return new AnthropicRequest().build(request, model);
    }

    private ObjectNode build(ChatRequest request, String model) {
        ObjectNode body = JSON.objectNode().put("model", model).put("max_tokens", request.maxTokens());
        if (!request.tools().isEmpty()) {
            body.set("tools", tools(request));
        }
        if (!request.system().isEmpty()) {
            body.set("system", system(request.system()));
        }
        body.set("messages", messages(request.messages()));
        int extra = Math.max(0, breakpoints.size() - MAX_BREAKPOINTS);
        for (ObjectNode block : breakpoints.subList(extra, breakpoints.size())) {
            block.set("cache_control", JSON.objectNode().put("type", "ephemeral"));
        }
        return body;
    }

    private ArrayNode tools(ChatRequest request) {
        ArrayNode tools = JSON.arrayNode();
        for (ToolDefinition tool : request.tools()) {
            tools.addObject()
                    .put("name", tool.name())
                    .put("description", tool.description())
                    .set("input_schema", tool.parameters());
        }
        if (request.cacheTools()) {
            breakpoints.add((ObjectNode) tools.get(tools.size() - 1));
        }
        return tools;
    }

    private ArrayNode system(List<SystemPart> parts) {
        ArrayNode system = JSON.arrayNode();
        for (SystemPart part : parts) {
            ObjectNode block = system.addObject().put("type", "text").put("text", part.text());
            if (part.cacheBreakpoint()) {
                breakpoints.add(block);
            }
        }
        return system;
    }

    /** Tool results travel in user turns; consecutive turns of one role are merged into one. */
    private ArrayNode messages(List<ChatMessage> messages) {
        ArrayNode out = JSON.arrayNode();
        String previousRole = "";
        ArrayNode content = JSON.arrayNode();
        for (ChatMessage message : messages) {
            String role = message.role() == ChatMessage.Role.ASSISTANT ? "assistant" : "user";
            if (!role.equals(previousRole)) {
                content = out.addObject().put("role", role).putArray("content");
                previousRole = role;
            }
            for (ContentPart part : message.parts()) {
                block(part).ifPresent(content::add);
            }
            if (message.cacheBreakpoint() && !content.isEmpty()) {
                breakpoints.add((ObjectNode) content.get(content.size() - 1));
            }
        }
        return out;
    }

    private static Optional<ObjectNode> block(ContentPart part) {
        if (part instanceof ContentPart.Text text) {
            // The API rejects empty text blocks.
            return text.text().isEmpty()
                    ? Optional.empty()
                    : Optional.of(JSON.objectNode().put("type", "text").put("text", text.text()));
        }
        if (part instanceof ContentPart.ToolUse use) {
            ObjectNode block = JSON.objectNode()
                    .put("type", "tool_use")
                    .put("id", use.call().id())
                    .put("name", use.call().name());
            block.set("input", inputObject(use.call().arguments()));
            return Optional.of(block);
        }
        ContentPart.ToolResult result = (ContentPart.ToolResult) part;
        ObjectNode block = JSON.objectNode()
                .put("type", "tool_result")
                .put("tool_use_id", result.toolCallId())
                .put("content", result.content());
        if (result.isError()) {
            block.put("is_error", true);
        }
        return Optional.of(block);
    }

    /** tool_use.input must be an object; malformed arguments (already answered with an error) become {}. */
    private static JsonNode inputObject(String arguments) {
        try {
            JsonNode node = MAPPER.readTree(arguments);
            return node != null && node.isObject() ? node : JSON.objectNode();
        } catch (IOException e) {
            return JSON.objectNode();
        }
    }
}
