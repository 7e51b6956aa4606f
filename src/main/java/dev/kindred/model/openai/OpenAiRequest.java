package dev.kindred.model.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ContentPart;
import dev.kindred.model.SystemPart;
import dev.kindred.model.ToolDefinition;
import java.util.stream.Collectors;

/** Builds a Chat Completions body; prompt caching is automatic there, so breakpoints are ignored. */
final class OpenAiRequest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenAiRequest() {}

    static ObjectNode toJson(ChatRequest request, String model, boolean maxCompletionTokens) {
        ObjectNode body = JSON.objectNode().put("model", model);
        body.put(maxCompletionTokens ? "max_completion_tokens" : "max_tokens", request.maxTokens());
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isEmpty()) {
            String system = request.system().stream().map(SystemPart::text).collect(Collectors.joining("\n\n"));
            messages.addObject().put("role", "system").put("content", system);
        }
        for (ChatMessage message : request.messages()) {
            addMessage(messages, message);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition tool : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", tool.name()).put("description", tool.description());
                function.set("parameters", tool.parameters());
            }
        }
        return body;
    }

    /** Tool results become one {@code tool} message each; text and tool calls stay in the message. */
    private static void addMessage(ArrayNode messages, ChatMessage message) {
        String text = message.text();
        ArrayNode calls = JSON.arrayNode();
        for (ContentPart part : message.parts()) {
            if (part instanceof ContentPart.ToolResult result) {
                messages.addObject()
                        .put("role", "tool")
                        .put("tool_call_id", result.toolCallId())
                        .put("content", result.content());
            } else if (part instanceof ContentPart.ToolUse use) {
                ObjectNode call = calls.addObject().put("id", use.call().id()).put("type", "function");
                call.putObject("function")
                        .put("name", use.call().name())
                        .put("arguments", use.call().arguments());
            }
        }
        boolean assistant = message.role() == ChatMessage.Role.ASSISTANT;
        if (assistant && (!calls.isEmpty() || !text.isEmpty())) {
            ObjectNode out = messages.addObject().put("role", "assistant");
            if (text.isEmpty()) {
                out.putNull("content");
            } else {
                out.put("content", text);
            }
            if (!calls.isEmpty()) {
                out.set("tool_calls", calls);
            }
        } else if (!assistant && !text.isEmpty()) {
            messages.addObject().put("role", "user").put("content", text);
        }
    }
}
