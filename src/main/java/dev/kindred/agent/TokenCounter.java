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

    /**
     * Whether the request fits in {@code budget} tokens. A token covers at least one UTF-8 byte, so a
     * request with fewer bytes than the budget fits without being tokenised (the common case: a
     * window far from full).
     */
    public boolean fits(ChatRequest request, int budget) {
        long bytes = 0;
        for (SystemPart part : request.system()) {
            bytes += utf8Length(part.text());
        }
        for (ToolDefinition tool : request.tools()) {
            bytes += utf8Length(tool.description())
                    + utf8Length(tool.parameters().toString())
                    + tool.name().length();
        }
        for (ChatMessage message : request.messages()) {
            bytes += PER_MESSAGE_OVERHEAD;
            for (ContentPart part : message.parts()) {
                bytes += utf8Length(text(part));
            }
        }
        return bytes * factor(request.provider()) <= budget || count(request) <= budget;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
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
        return count(text(part));
    }

    private static String text(ContentPart part) {
        if (part instanceof ContentPart.Text t) {
            return t.text();
        }
        if (part instanceof ContentPart.ToolUse u) {
            return u.call().name() + u.call().arguments();
        }
        return ((ContentPart.ToolResult) part).content();
    }

    private static double factor(String provider) {
        return switch (provider) {
            case "anthropic" -> 1.15;
            case "gemini" -> 1.05;
            default -> 1.0;
        };
    }
}
