package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.UserInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a Letta message's text (a string or a list of content parts) and its time. */
final class MessageText {
    private MessageText() {}

    /** The text parts joined by blank lines; reasoning and images are left out. */
    static String content(JsonNode message, String where) {
        JsonNode content = message.get("content");
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : Json.array(message, "content", where)) {
            if (part.isObject() && "text".equals(part.path("type").asText("text")) && part.has("text")) {
                texts.add(Json.text(part, "text", where + ".content"));
            }
        }
        return String.join("\n\n", texts);
    }

    /** The first tool return's response, for tool messages without content. */
    static String toolReturn(JsonNode message, String where) {
        for (JsonNode item : Json.objects(message, "tool_returns", where)) {
            String response = Json.optText(item, "func_response", where + ".tool_returns");
            if (response != null) {
                return response;
            }
        }
        return "";
    }

    static Instant time(JsonNode node, String field, String where, Instant fallback) {
        String text = Json.optText(node, field, where);
        return text == null ? fallback : parse(text, where + "." + field);
    }

    static Instant parse(String text, String where) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return local(text, where);
        }
    }

    private static Instant local(String text, String where) {
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UserInputException("this agent file is damaged: " + where + " is not a date ('" + text + "')");
        }
    }

    /** The JSON object in {@code text}, or null when it is plain text. */
    static @Nullable JsonNode jsonObject(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = AgentFileJson.MAPPER.readTree(trimmed);
            return node.isObject() ? node : null;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return null;
        }
    }
}
