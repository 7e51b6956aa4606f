package dev.kindred.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.HttpErrors;
import dev.kindred.model.ProviderCall;
import dev.kindred.model.StopReason;
import dev.kindred.model.ToolCall;
import dev.kindred.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Chat Completions answer. Reasoning ({@code reasoning_content}, or {@code <think>} text
 * from open models) is kept out of the reply; cached prompt tokens are taken out of the input count.
 */
final class OpenAiResponse {
    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?(</think>|$)");

    private OpenAiResponse() {}

    static ChatResponse parse(ProviderCall call, JsonNode answer) {
        JsonNode choice = answer.path("choices").path(0);
        if (!choice.isObject()) {
            throw HttpErrors.malformed(call, "no choices");
        }
        JsonNode message = choice.path("message");
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode toolCall : message.path("tool_calls")) {
            JsonNode function = toolCall.path("function");
            calls.add(new ToolCall(
                    toolCall.path("id").asText(),
                    function.path("name").asText(),
                    function.path("arguments").asText("{}")));
        }
        StopReason stop =
                calls.isEmpty() ? stopReason(choice.path("finish_reason").asText()) : StopReason.TOOL_USE;
        return new ChatResponse(
                withoutReasoning(message.path("content").asText("")),
                calls,
                stop,
                usage(answer.path("usage")),
                answer.path("model").asText(call.model()));
    }

    static String withoutReasoning(String content) {
        String text = THINK.matcher(content).replaceAll("");
        int orphanClose = text.indexOf("</think>");
        if (orphanClose >= 0) {
            // Some hosts strip the opening tag but leave the reasoning and the closing tag.
            text = text.substring(orphanClose + "</think>".length());
        }
        return text.strip();
    }

    private static StopReason stopReason(String reason) {
        return switch (reason) {
            case "stop" -> StopReason.END_TURN;
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "length" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
        };
    }

    /** DeepSeek reports cache hits as prompt_cache_hit_tokens rather than in prompt_tokens_details. */
    private static Usage usage(JsonNode usage) {
        long prompt = usage.path("prompt_tokens").asLong();
        JsonNode details = usage.path("prompt_tokens_details").path("cached_tokens");
        long cached = details.isNumber()
                ? details.asLong()
                : usage.path("prompt_cache_hit_tokens").asLong();
        return new Usage(
                prompt - cached, cached, 0, usage.path("completion_tokens").asLong());
    }
}
