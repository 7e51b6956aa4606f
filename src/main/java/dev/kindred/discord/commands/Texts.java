package dev.kindred.discord.commands;

import dev.kindred.memory.Passage;
import java.util.ArrayList;
import java.util.List;

/** Small text helpers the commands share: previews and splitting a document into passages. */
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

    /** Splits a document on blank lines into passages of at most {@code max} characters. */
    static List<String> chunks(String text, int max) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (current.length() > 0 && current.length() + 2 + p.length() > max) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            while (p.length() > max) {
                chunks.add(p.substring(0, max));
                p = p.substring(max);
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(p);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }
}
