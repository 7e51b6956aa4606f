package dev.kindred.model.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.HttpErrors;
import dev.kindred.model.ModelException;
import dev.kindred.model.ProviderCall;
import dev.kindred.model.StopReason;
import dev.kindred.model.ToolCall;
import dev.kindred.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a generateContent answer; parts marked {@code thought: true} are not part of the reply. */
final class GeminiResponse {
    private GeminiResponse() {}

    static ChatResponse parse(ProviderCall call, JsonNode answer) {
        JsonNode candidate = answer.path("candidates").path(0);
        if (!candidate.isObject()) {
            String blocked = answer.path("promptFeedback").path("blockReason").asText("");
            if (!blocked.isEmpty()) {
                throw ModelException.fatal(call.provider() + " refused the prompt (" + blocked + ")");
            }
            throw HttpErrors.malformed(call, "no candidates");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("thought").asBoolean(false)) {
                continue;
            }
            JsonNode function = part.path("functionCall");
            if (function.isObject()) {
                calls.add(toolCall(calls.size(), function, part.path("thoughtSignature")));
            } else {
                text.append(part.path("text").asText(""));
            }
        }
        StopReason stop =
                calls.isEmpty() ? stopReason(candidate.path("finishReason").asText()) : StopReason.TOOL_USE;
        return new ChatResponse(
                text.toString(),
                calls,
                stop,
                usage(answer.path("usageMetadata")),
                answer.path("modelVersion").asText(call.model()));
    }

    private static ToolCall toolCall(int index, JsonNode function, JsonNode signature) {
        String name = function.path("name").asText();
        JsonNode args = function.path("args");
        String arguments = args.isObject() ? args.toString() : "{}";
        Optional<String> sig = signature.isTextual() ? Optional.of(signature.asText()) : Optional.empty();
        return new ToolCall(GeminiCallIds.id(index, name, arguments, sig), name, arguments);
    }

    private static StopReason stopReason(String reason) {
        return switch (reason) {
            case "STOP" -> StopReason.END_TURN;
            case "MAX_TOKENS" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
        };
    }

    /** promptTokenCount includes the cached tokens; thinking tokens are billed as output. */
    private static Usage usage(JsonNode usage) {
        long prompt = usage.path("promptTokenCount").asLong();
        long cached = usage.path("cachedContentTokenCount").asLong();
        long output = usage.path("candidatesTokenCount").asLong()
                + usage.path("thoughtsTokenCount").asLong();
        return new Usage(prompt - cached, cached, 0, output);
    }
}
