package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.UserInputException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads from the agent file's JSON tree. A field of the wrong type is a {@link
 * UserInputException} that names where it is ({@code blocks[3].value}); missing or null optional
 * fields fall back to a default.
 */
final class Json {
    private Json() {}

    static String text(JsonNode object, String field, String where) {
        JsonNode node = object.get(field);
        if (node == null || !node.isTextual()) {
            throw wrong(where, field, "text");
        }
        return node.textValue();
    }

    static @Nullable String optText(JsonNode object, String field, String where) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrong(where, field, "text");
        }
        return node.textValue();
    }

    static String optText(JsonNode object, String field, String where, String fallback) {
        String value = optText(object, field, where);
        return value == null ? fallback : value;
    }

    static @Nullable Integer optInt(JsonNode object, String field, String where) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrong(where, field, "a whole number");
        }
        return node.intValue();
    }

    static @Nullable Long optLong(JsonNode object, String field, String where) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrong(where, field, "a whole number");
        }
        return node.longValue();
    }

    static boolean optBool(JsonNode object, String field, String where, boolean fallback) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw wrong(where, field, "true or false");
        }
        return node.booleanValue();
    }

    /** The array's elements; missing or null is empty. */
    static List<JsonNode> array(JsonNode object, String field, String where) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrong(where, field, "a list");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** The array's elements, each an object. */
    static List<JsonNode> objects(JsonNode object, String field, String where) {
        List<JsonNode> items = array(object, field, where);
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                throw new UserInputException(where + "." + field + "[" + i + "] should be an object");
            }
        }
        return items;
    }

    /** The array's elements, each text. */
    static List<String> texts(JsonNode object, String field, String where) {
        List<JsonNode> items = array(object, field, where);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isTextual()) {
                throw new UserInputException(where + "." + field + "[" + i + "] should be text");
            }
            texts.add(items.get(i).textValue());
        }
        return texts;
    }

    /** The object under {@code field}; missing or null is absent. */
    static @Nullable JsonNode optObject(JsonNode object, String field, String where) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw wrong(where, field, "an object");
        }
        return node;
    }

    private static UserInputException wrong(String where, String field, String expected) {
        return new UserInputException("this agent file is damaged: " + where + "." + field + " should be " + expected);
    }
}
