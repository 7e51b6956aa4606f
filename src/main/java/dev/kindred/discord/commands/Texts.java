package dev.kindred.discord.commands;

import dev.kindred.memory.Passage;

/** Small text helpers the commands share. */
final class Texts {
    private Texts() {}

    static String preview(String text, int max) {
        String flat = text.replace('\n', ' ').strip();
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }

    static String passageLine(Passage passage) {
        String tags = passage.tags().isEmpty() ? "" : " [" + String.join(", ", passage.tags()) + "]";
        return "`" + passage.id() + "`" + tags + " " + preview(passage.text(), 200);
    }
}
