package dev.kindred.agentfile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindred.memory.UserInputException;

/**
 * Reads the bytes of an Agent File into a JSON tree: refuses anything over {@link #MAX_BYTES} before
 * parsing, decodes a second time when the top level is a JSON string (some published files are
 * encoded twice), and checks that it looks like an agent file at all.
 */
final class AgentFileJson {
    static final long MAX_BYTES = 50L * 1024 * 1024;
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AgentFileJson() {}

    static JsonNode read(byte[] file) {
        requireSize(file.length);
        JsonNode root = parse(file);
        if (root.isTextual()) {
            root = parse(root.textValue());
        }
        if (!root.isObject() || !root.has("agents")) {
            throw new UserInputException("this is not a Letta agent file: it has no top-level \"agents\" list");
        }
        return root;
    }

    static void requireSize(long bytes) {
        if (bytes > MAX_BYTES) {
            throw new UserInputException("the file is " + bytes / (1024 * 1024) + " MB; agent files are limited to "
                    + MAX_BYTES / (1024 * 1024) + " MB");
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw invalid(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    private static UserInputException invalid(Exception e) {
        String detail = e instanceof JacksonException j && j.getLocation() != null
                ? " (line " + j.getLocation().getLineNr() + ", column "
                        + j.getLocation().getColumnNr() + ")"
                : "";
        return new UserInputException("this is not a valid agent file: the JSON is broken or cut off" + detail);
    }
}
