package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.Message;
import dev.kindred.memory.ToolInvocation;
import java.time.Instant;
import java.util.List;

/**
 * Recall as Letta messages: the system prompt first, then every message in order, with tool calls in
 * OpenAI's shape. Summaries and Kindred's own notes go out as user messages (as Letta sends them to
 * the model); their exact roles are kept in {@code metadata.kindred.messages}.
 */
final class ExportedMessages {
    private final ArrayNode messages;
    private final ArrayNode inContext;
    private final ObjectNode kindred;
    private final String model;

    ExportedMessages(ObjectNode agent, ObjectNode kindredMessages, String model) {
        this.messages = agent.putArray("messages");
        this.inContext = agent.putArray("in_context_message_ids");
        this.kindred = kindredMessages;
        this.model = model;
    }

    void write(String system, Instant createdAt, List<Message> recall, ContextWindow window) {
        ObjectNode first = message("message-0", "system", system, createdAt);
        first.putNull("tool_calls");
        first.putNull("tool_call_id");
        inContext.add("message-0");
        for (Message m : recall) {
            String id = "message-" + m.seq();
            ObjectNode node = message(id, lettaRole(m), m.content(), m.createdAt());
            node.set("tool_calls", m.toolCalls().isEmpty() ? null : calls(m.toolCalls()));
            node.put("tool_call_id", m.toolCallId());
            if (m.toolCallId() != null) {
                node.put("name", m.speaker().name());
                node.putArray("tool_returns")
                        .addObject()
                        .put("tool_call_id", m.toolCallId())
                        .put("status", "success")
                        .put("func_response", m.content());
            }
            kindred.set(id, KindredMessages.describe(m));
            if (m.seq() >= window.startSeq()) {
                inContext.add(id);
            }
        }
    }

    private ObjectNode message(String id, String role, String text, Instant createdAt) {
        ObjectNode node = messages.addObject();
        node.put("type", "message").put("id", id).put("agent_id", "agent-0").put("role", role);
        ArrayNode content = node.putArray("content");
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        node.putNull("name");
        node.put("model", model);
        node.putArray("tool_returns");
        node.put("created_at", createdAt.toString());
        return node;
    }

    private static ArrayNode calls(List<ToolInvocation> calls) {
        ArrayNode array = AgentFileJson.MAPPER.createArrayNode();
        for (ToolInvocation call : calls) {
            ObjectNode node = array.addObject().put("id", call.id()).put("type", "function");
            node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
        return array;
    }

    private static String lettaRole(Message message) {
        return switch (message.role()) {
            case ASSISTANT -> "assistant";
            case TOOL -> "tool";
            case USER, SUMMARY, SYSTEM -> "user";
        };
    }
}
