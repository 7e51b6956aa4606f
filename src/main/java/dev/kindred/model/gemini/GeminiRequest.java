package dev.kindred.model.gemini;

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
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * Builds a generateContent body. Gemini caches long prefixes implicitly, so breakpoints are
 * ignored. Tool results go back as {@code functionResponse} parts matched by the function's name.
 */
final class GeminiRequest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GeminiRequest() {}

    static ObjectNode toJson(ChatRequest request, ObjectMapper mapper) {
        ObjectNode body = JSON.objectNode();
        if (!request.system().isEmpty()) {
            ArrayNode parts = body.putObject("systemInstruction").putArray("parts");
            for (SystemPart part : request.system()) {
                parts.addObject().put("text", part.text());
            }
        }
        body.set("contents", contents(request, mapper));
        if (!request.tools().isEmpty()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (ToolDefinition tool : request.tools()) {
                ObjectNode declaration =
                        declarations.addObject().put("name", tool.name()).put("description", tool.description());
                declaration.set(
                        "parameters", withoutUnsupportedKeys(tool.parameters().deepCopy()));
            }
        }
        body.putObject("generationConfig").put("maxOutputTokens", request.maxTokens());
        return body;
    }

    /** Consecutive messages of one role are merged: Gemini expects the roles to alternate. */
    private static ArrayNode contents(ChatRequest request, ObjectMapper mapper) {
        ArrayNode contents = JSON.arrayNode();
        String previousRole = "";
        ArrayNode parts = JSON.arrayNode();
        for (ChatMessage message : request.messages()) {
            String role = message.role() == ChatMessage.Role.ASSISTANT ? "model" : "user";
            if (!role.equals(previousRole)) {
                parts = contents.addObject().put("role", role).putArray("parts");
                previousRole = role;
            }
            for (ContentPart part : message.parts()) {
                addPart(parts, part, mapper);
            }
        }
        return contents;
    }

    private static void addPart(ArrayNode parts, ContentPart part, ObjectMapper mapper) {
        if (part instanceof ContentPart.Text text) {
            if (!text.text().isEmpty()) {
                parts.addObject().put("text", text.text());
            }
        } else if (part instanceof ContentPart.ToolUse use) {
            ObjectNode out = parts.addObject();
            ObjectNode call =
                    out.putObject("functionCall").put("name", use.call().name());
            call.set("args", objectOr(use.call().arguments(), mapper, null));
            GeminiCallIds.signature(use.call().id()).ifPresent(sig -> out.put("thoughtSignature", sig));
        } else if (part instanceof ContentPart.ToolResult result) {
            ObjectNode response =
                    parts.addObject().putObject("functionResponse").put("name", result.toolName());
            String wrapper = result.isError() ? "error" : "result";
            response.set("response", objectOr(result.content(), mapper, wrapper));
        }
    }

    /** The text as a JSON object; anything else is wrapped as {@code {wrapper: text}}, or {} without one. */
    private static JsonNode objectOr(String text, ObjectMapper mapper, @Nullable String wrapper) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException notJson) {
            // wrapped below
        }
        return wrapper == null ? JSON.objectNode() : JSON.objectNode().put(wrapper, text);
    }

    /** Gemini's schema subset rejects these JSON Schema keys. */
    private static JsonNode withoutUnsupportedKeys(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            object.remove("$schema");
            object.remove("additionalProperties");
        }
        for (Iterator<JsonNode> it = schema.elements(); it.hasNext(); ) {
            withoutUnsupportedKeys(it.next());
        }
        return schema;
    }
}
