package dev.kindred.discord.commands;

import dev.kindred.memory.Passage;

/** Small text helpers the commands share. */
final class Texts {
    private Texts() {}

    static String preview(String text, int max) {
        String flat = text.replace('\n', ' ').strip();
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }

    /**
     * The text cut to at most {@code max} characters, ending in an ellipsis when cut: Discord refuses a
     * modal whose title or field label is too long, and valid names and labels can be longer.
     */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split an emoji in two
        }
        return text.substring(0, end) + "…";
    }

    static String passageLine(Passage passage) {
        String tags = passage.tags().isEmpty() ? "" : " [" + String.join(", ", passage.tags()) + "]";
        return "`" + passage.id() + "`" + tags + " " + preview(passage.text(), 200);
    }
}
