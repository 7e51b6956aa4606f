package dev.kindred.agent.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.memory.UserInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A tool call's arguments, parsed from the model's JSON; every problem is a clear {@link UserInputException}. */
public final class ToolArgs {
    private final ObjectNode node;

    private ToolArgs(ObjectNode node) {
        this.node = node;
    }

    /**
     * The text a memory call puts into memory, whichever tool made it ({@code content},
     * {@code new_string}, {@code new_memory} or {@code new_content}); empty for other calls and for
     * arguments that are not JSON.
     */
    public static Optional<String> writtenText(String json) {
        try {
            ToolArgs args = parse(json);
            return Stream.of("content", "new_string", "new_memory", "new_content")
                    .map(args::optionalString)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (UserInputException malformed) {
            return Optional.empty();
        }
    }

    public static ToolArgs parse(String json) {
        String text = json.isBlank() ? "{}" : json;
        try {
            JsonNode parsed = ToolResult.JSON.readTree(text);
            if (parsed == null || !parsed.isObject()) {
                throw new UserInputException("tool arguments must be a JSON object");
            }
            return new ToolArgs((ObjectNode) parsed);
        } catch (JsonProcessingException e) {
            throw new UserInputException("tool arguments are not valid JSON: " + e.getOriginalMessage());
        }
    }

    public String string(String name) {
        return optionalString(name)
                .orElseThrow(() -> new UserInputException("missing required argument '" + name + "'"));
    }

    public Optional<String> optionalString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new UserInputException("argument '" + name + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    public int integer(String name, int defaultValue) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.canConvertToInt()) {
            return value.asInt();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new UserInputException("argument '" + name + "' must be a whole number");
    }

    public List<String> strings(String name) {
        JsonNode value = node.get(name);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (value.isTextual()) {
            result.add(value.asText());
            return result;
        }
        if (!value.isArray()) {
            throw new UserInputException("argument '" + name + "' must be a list of strings");
        }
        value.forEach(item -> result.add(item.asText()));
        return result;
    }

    /** An ISO date ({@code 2024-05-01}) or date-time; a bare date is read in {@code zone}. */
    public Optional<Instant> instant(String name, ZoneId zone, boolean endOfDay) {
        return optionalString(name).filter(s -> !s.isBlank()).map(s -> parseInstant(name, s.trim(), zone, endOfDay));
    }

    private static Instant parseInstant(String name, String text, ZoneId zone, boolean endOfDay) {
        try {
            if (text.length() <= 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return java.time.LocalDateTime.parse(text).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new UserInputException(
                    "argument '" + name + "' must be a date like 2024-05-01 or 2024-05-01T14:30, got '" + text + "'");
        }
    }
}
