package dev.kindred.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.HttpErrors;
import dev.kindred.model.ProviderCall;
import dev.kindred.model.StopReason;
import dev.kindred.model.ToolCall;
import dev.kindred.model.Usage;
import java.util.ArrayList;
import java.util.List;

/** Reads a Messages API answer; {@code thinking} blocks are not part of the reply. */
final class AnthropicResponse {
    private AnthropicResponse() {}

    static ChatResponse parse(ProviderCall call, JsonNode answer) {
        JsonNode content = answer.path("content");
        if (!content.isArray()) {
            throw HttpErrors.malformed(call, "no content");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" ->
                    calls.add(new ToolCall(
                            block.path("id").asText(),
                            block.path("name").asText(),
                            block.path("input").toString()));
                default -> {
                    // thinking, redacted_thinking and future block types stay out of the reply
                }
            }
        }
        return new ChatResponse(
                text.toString(),
                calls,
                stopReason(answer.path("stop_reason").asText()),
                usage(answer.path("usage")),
                answer.path("model").asText(call.model()));
    }

    private static StopReason stopReason(String reason) {
        return switch (reason) {
            case "end_turn", "stop_sequence" -> StopReason.END_TURN;
            case "tool_use" -> StopReason.TOOL_USE;
            case "max_tokens" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
        };
    }

    private static Usage usage(JsonNode usage) {
        return new Usage(
                usage.path("input_tokens").asLong(),
                usage.path("cache_read_input_tokens").asLong(),
                usage.path("cache_creation_input_tokens").asLong(),
                usage.path("output_tokens").asLong());
    }
}
