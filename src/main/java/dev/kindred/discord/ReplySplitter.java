package dev.kindred.discord;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a reply into Discord messages of at most {@code max} characters: on a paragraph break if
 * one is near the end of the window, else after a sentence, else between words, else anywhere. A
 * code fence open at a cut is closed there and reopened (same language) at the start of the next part.
 */
public final class ReplySplitter {
    public static final int DISCORD_LIMIT = 2_000;
    private static final String FENCE = "```";
    private static final String CLOSE = "\n" + FENCE;
    private static final int MAX_LANGUAGE = 20;

    private final int max;

    public ReplySplitter(int max) {
        if (max < 100) {
            throw new IllegalArgumentException("a message limit below 100 characters leaves no room for code fences");
        }
        this.max = max;
    }

    public static ReplySplitter discord() {
        return new ReplySplitter(DISCORD_LIMIT);
    }

    public List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = cutPoint(rest, max - CLOSE.length());
            String part = rest.substring(0, cut).stripTrailing();
            String remainder = stripLeadingNewlines(rest.substring(cut));
            String openLanguage = openFenceLanguage(part);
            if (openLanguage != null) {
                part = part + CLOSE;
                remainder = FENCE + openLanguage + "\n" + remainder;
            }
            if (!part.isBlank()) {
                parts.add(part);
            }
            rest = remainder;
        }
        if (!rest.isBlank()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Where to cut {@code text} so that the first part has at most {@code window} characters. */
    static int cutPoint(String text, int window) {
        String head = text.substring(0, window);
        int paragraph = head.lastIndexOf("\n\n");
        if (paragraph >= window / 3) {
            return paragraph;
        }
        int sentence = lastSentenceEnd(head);
        if (sentence >= window / 3) {
            return sentence;
        }
        int space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
        return space > 0 ? space : window;
    }

    private static int lastSentenceEnd(String head) {
        for (int i = head.length() - 2; i > 0; i--) {
            char c = head.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(head.charAt(i + 1))) {
                return i + 1;
            }
            if (c == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The language of the fence still open at the end of {@code part} ("" for none given), or null. */
    static @Nullable String openFenceLanguage(String part) {
        String open = null;
        for (String line : part.split("\n", -1)) {
            String trimmed = line.strip();
            boolean inline = trimmed.length() > FENCE.length() && trimmed.endsWith(FENCE);
            if (!trimmed.startsWith(FENCE) || (open == null && inline)) {
                continue;
            }
            if (open == null) {
                String language = trimmed.substring(FENCE.length()).strip();
                open = language.length() > MAX_LANGUAGE ? "" : language;
            } else {
                open = null;
            }
        }
        return open;
    }

    private static String stripLeadingNewlines(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == ' ')) {
            i++;
        }
        return text.substring(i);
    }
}
