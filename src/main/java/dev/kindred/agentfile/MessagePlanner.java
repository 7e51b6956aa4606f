package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.ToolInvocation;
import dev.kindred.memory.UserInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns an agent's messages into recall, in order. System messages are instructions, not recall.
 * Letta's {@code send_message(message)} call becomes the assistant's plain reply (Kindred needs no
 * such tool) and its result is dropped. A Kindred export's own roles and speakers are restored from
 * {@link KindredExtras}.
 */
final class MessagePlanner {
    /** The recall to append and the index of the first message in the context window. */
    record Recall(List<MessagePlan> messages, int windowStartIndex) {}

    private final Speaker user;
    private final String channelId;
    private final Instant fallbackTime;
    private final @Nullable KindredExtras extras;
    private final Set<String> sendMessageCalls = new HashSet<>();
    private final Map<String, String> toolNames = new HashMap<>();

    MessagePlanner(Speaker user, String channelId, Instant fallbackTime, @Nullable KindredExtras extras) {
        this.user = user;
        this.channelId = channelId;
        this.fallbackTime = fallbackTime;
        this.extras = extras;
    }

    Recall plan(JsonNode agent, String where) {
        List<JsonNode> items = Json.objects(agent, "messages", where);
        boolean listed = agent.has("in_context_message_ids")
                && !agent.get("in_context_message_ids").isNull();
        Set<String> inContext = new HashSet<>(Json.texts(agent, "in_context_message_ids", where));
        Set<String> ids = new HashSet<>();
        List<MessagePlan> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < items.size(); i++) {
            String itemWhere = where + ".messages[" + i + "]";
            String id = Json.optText(items.get(i), "id", itemWhere, "message-" + i);
            ids.add(id);
            MessagePlan plan = convert(items.get(i), id, itemWhere);
            if (plan != null) {
                if (start < 0 && inContext.contains(id)) {
                    start = out.size();
                }
                out.add(plan);
            }
        }
        for (String id : inContext) {
            if (!ids.contains(id)) {
                throw new UserInputException("this agent file is damaged: " + where
                        + ".in_context_message_ids refers to message '" + id + "', which is not in the file");
            }
        }
        return new Recall(out, listed ? (start < 0 ? out.size() : start) : 0);
    }

    private @Nullable MessagePlan convert(JsonNode message, String id, String where) {
        JsonNode kindred = extras == null ? null : extras.message(id);
        if (kindred != null) {
            return KindredMessages.restore(message, kindred, where, fallbackTime);
        }
        String role = Json.text(message, "role", where).toLowerCase(Locale.ROOT);
        Instant at = MessageText.time(message, "created_at", where, fallbackTime);
        return switch (role) {
            case "user" -> userMessage(message, where, at);
            case "assistant" -> assistantMessage(message, where, at);
            case "tool", "function" -> toolMessage(message, where, at);
            default -> null; // system prompt, approvals: not conversation
        };
    }

    private @Nullable MessagePlan userMessage(JsonNode message, String where, Instant at) {
        String text = MessageText.content(message, where);
        JsonNode packed = MessageText.jsonObject(text);
        if (packed != null && packed.has("type")) {
            String type = packed.path("type").asText();
            if (type.equals("heartbeat") || type.equals("login")) {
                return null;
            }
            text = packed.path("message").asText(text);
        }
        if (text.isBlank()) {
            return null;
        }
        String name = Json.optText(message, "name", where, user.name());
        return plan(Role.USER, text, new Speaker(user.id(), name), List.of(), null, at);
    }

    private @Nullable MessagePlan assistantMessage(JsonNode message, String where, Instant at) {
        StringBuilder text = new StringBuilder(MessageText.content(message, where));
        List<ToolInvocation> calls = new ArrayList<>();
        for (ToolInvocation call : ToolCalls.read(message, where)) {
            toolNames.put(call.id(), call.name());
            if (call.name().equals("send_message")) {
                sendMessageCalls.add(call.id());
                String said = ToolCalls.sentMessage(call);
                text.append(text.length() == 0 ? "" : "\n\n").append(said);
            } else {
                calls.add(call);
            }
        }
        if (text.toString().isBlank() && calls.isEmpty()) {
            return null;
        }
        return plan(Role.ASSISTANT, text.toString(), Speaker.AGENT, calls, null, at);
    }

    private @Nullable MessagePlan toolMessage(JsonNode message, String where, Instant at) {
        String callId = Json.optText(message, "tool_call_id", where);
        if (callId != null && sendMessageCalls.contains(callId)) {
            return null;
        }
        String text = MessageText.content(message, where);
        if (text.isEmpty()) {
            text = MessageText.toolReturn(message, where);
        }
        String name =
                Json.optText(message, "name", where, callId == null ? "tool" : toolNames.getOrDefault(callId, "tool"));
        return plan(Role.TOOL, text, new Speaker("tool", name), List.of(), callId, at);
    }

    private MessagePlan plan(
            Role role, String text, Speaker speaker, List<ToolInvocation> calls, @Nullable String callId, Instant at) {
        String content = text.length() > NewMessage.MAX_CONTENT ? text.substring(0, NewMessage.MAX_CONTENT) : text;
        return new MessagePlan(role, content, speaker, channelId, calls, callId, null, at, false);
    }
}
