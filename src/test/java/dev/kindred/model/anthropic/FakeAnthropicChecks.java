package dev.kindred.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What {@link FakeAnthropicServer} validates, and how it lays a request out as cacheable blocks. */
final class FakeAnthropicChecks {
    private FakeAnthropicChecks() {}

    /** Empty when the request is acceptable, else Anthropic's kind of error message. */
    static String problem(Headers headers, JsonNode request) {
        if (!FakeAnthropicServer.API_KEY.equals(headers.getFirst("x-api-key"))) {
            return "invalid x-api-key";
        }
        if (!"2023-06-01".equals(headers.getFirst("anthropic-version"))) {
            return "anthropic-version: header is required";
        }
        int breakpoints = request.findValues("cache_control").size();
        if (breakpoints > AnthropicRequest.MAX_BREAKPOINTS) {
            return "A maximum of 4 blocks with cache_control may be provided. Found " + breakpoints + ".";
        }
        return unansweredToolUse(request.path("messages"));
    }

    /** Each assistant turn's tool_use ids must be answered by tool_result blocks in the next user turn. */
    private static String unansweredToolUse(JsonNode messages) {
        for (int i = 0; i + 1 < messages.size(); i++) {
            Set<String> asked = ids(messages.get(i), "tool_use", "id");
            Set<String> answered = ids(messages.get(i + 1), "tool_result", "tool_use_id");
            if (!asked.equals(answered)
                    && "assistant".equals(messages.get(i).path("role").asText())) {
                return "messages." + (i + 1) + ": tool_use ids " + asked + " need tool_result blocks in the next "
                        + "message, found " + answered;
            }
        }
        return "";
    }

    private static Set<String> ids(JsonNode message, String type, String field) {
        Set<String> ids = new HashSet<>();
        for (JsonNode block : message.path("content")) {
            if (type.equals(block.path("type").asText())) {
                ids.add(block.path(field).asText());
            }
        }
        return ids;
    }

    /** Tools, then system, then messages, one block each, in the order Anthropic caches them. */
    static List<PromptCacheSimulator.Block> canonicalBlocks(JsonNode request) {
        List<PromptCacheSimulator.Block> blocks = new ArrayList<>();
        for (JsonNode tool : request.path("tools")) {
            blocks.add(block("tool", tool));
        }
        JsonNode system = request.path("system");
        if (system.isTextual()) {
            blocks.add(new PromptCacheSimulator.Block("system:" + system.asText(), false));
        }
        for (JsonNode part : system.isArray() ? system : List.<JsonNode>of()) {
            blocks.add(block("system", part));
        }
        for (JsonNode message : request.path("messages")) {
            String role = message.path("role").asText();
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                blocks.add(new PromptCacheSimulator.Block(role + ":" + content.asText(), false));
            }
            for (JsonNode part : content.isArray() ? content : List.<JsonNode>of()) {
                blocks.add(block(role, part));
            }
        }
        return blocks;
    }

    private static PromptCacheSimulator.Block block(String where, JsonNode node) {
        ObjectNode copy = node.deepCopy();
        boolean breakpoint = copy.remove("cache_control") != null;
        return new PromptCacheSimulator.Block(where + ":" + copy, breakpoint);
    }
}
