package dev.kindred.agent;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ContentPart;
import dev.kindred.model.SystemPart;
import dev.kindred.model.ToolDefinition;

/**
 * Counts a request's tokens with OpenAI's o200k encoding; other providers' tokenizers differ, so
 * their counts are scaled by a measured-ish factor (Claude's tokenizer yields roughly 15% more).
 */
public final class TokenCounter {
    private static final int PER_MESSAGE_OVERHEAD = 4;
    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    public int count(ChatRequest request) {
        long total = 0;
        for (SystemPart part : request.system()) {
            total += count(part.text());
        }
        for (ToolDefinition tool : request.tools()) {
            total += count(tool.name())
                    + count(tool.description())
                    + count(tool.parameters().toString());
        }
        for (ChatMessage message : request.messages()) {
            total += PER_MESSAGE_OVERHEAD;
            for (ContentPart part : message.parts()) {
                total += count(part);
            }
        }
        return (int) Math.ceil(total * factor(request.provider()));
    }

    private int count(ContentPart part) {
        if (part instanceof ContentPart.Text t) {
            return count(t.text());
        }
        if (part instanceof ContentPart.ToolUse u) {
            return count(u.call().name()) + count(u.call().arguments());
        }
        return count(((ContentPart.ToolResult) part).content());
    }

    private static double factor(String provider) {
        return switch (provider) {
            case "anthropic" -> 1.15;
            case "gemini" -> 1.05;
            default -> 1.0;
        };
    }
}
