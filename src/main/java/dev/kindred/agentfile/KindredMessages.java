package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.UserInputException;
import java.time.Instant;
import java.util.Locale;

/**
 * The Kindred side of a message in an export ({@code metadata.kindred.messages[id]}): its exact
 * role (Letta has no summary or note role), speaker, channel, Discord source id and tombstone flag.
 */
final class KindredMessages {
    private KindredMessages() {}

    static ObjectNode describe(Message message) {
        ObjectNode node = AgentFileJson.MAPPER.createObjectNode();
        node.put("role", message.role().name().toLowerCase(Locale.ROOT));
        node.put("speaker_id", message.speaker().id());
        node.put("speaker_name", message.speaker().name());
        node.put("channel_id", message.channelId());
        node.put("source_id", message.sourceId());
        node.put("erased", message.erased());
        return node;
    }

    static MessagePlan restore(JsonNode message, JsonNode kindred, String where, Instant fallbackTime) {
        String kindredWhere = where + " (kindred)";
        return new MessagePlan(
                role(Json.text(kindred, "role", kindredWhere), kindredWhere),
                MessageText.content(message, where),
                new Speaker(
                        Json.text(kindred, "speaker_id", kindredWhere),
                        Json.text(kindred, "speaker_name", kindredWhere)),
                Json.text(kindred, "channel_id", kindredWhere),
                ToolCalls.read(message, where),
                Json.optText(message, "tool_call_id", where),
                Json.optText(kindred, "source_id", kindredWhere),
                MessageText.time(message, "created_at", where, fallbackTime),
                Json.optBool(kindred, "erased", kindredWhere, false));
    }

    private static Role role(String name, String where) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(
                    "this agent file is damaged: " + where + " has an unknown role '" + name + "'");
        }
    }
}
