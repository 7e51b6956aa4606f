package dev.kindred.memory.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a text or Markdown file into archival passages of about {@code targetChars} characters.
 * Chunks end on sentence boundaries and prefer paragraph boundaries; each chunk after the first
 * repeats the last sentences of the one before (up to {@code overlapChars}) so a fact that straddles
 * a boundary is still found whole. A sentence longer than a chunk is cut between words.
 */
public final class TextChunker {
    public static final int DEFAULT_TARGET = 800;
    public static final int DEFAULT_OVERLAP = 150;

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n|\\n(?=#)");
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n");

    private final int targetChars;
    private final int overlapChars;

    public TextChunker() {
        this(DEFAULT_TARGET, DEFAULT_OVERLAP);
    }

    public TextChunker(int targetChars, int overlapChars) {
        if (targetChars < 50 || overlapChars < 0 || overlapChars >= targetChars / 2) {
            throw new IllegalArgumentException("need targetChars >= 50 and 0 <= overlapChars < targetChars / 2");
        }
        this.targetChars = targetChars;
        this.overlapChars = overlapChars;
    }

    public List<String> split(String text) {
        List<Unit> units = units(text.replace("\r\n", "\n"));
        List<String> chunks = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int length = 0;
        for (Unit unit : units) {
            boolean full = length + unit.text().length() + 1 > targetChars;
            boolean goodBreak = unit.startsParagraph() && length >= targetChars * 3 / 4;
            if (!current.isEmpty() && (full || goodBreak)) {
                chunks.add(join(current));
                current = overlap(current);
                length = join(current).length();
            }
            current.add(unit);
            length += unit.text().length() + 2;
        }
        if (!current.isEmpty()) {
            chunks.add(join(current));
        }
        return chunks;
    }

    /** A sentence (or a piece of an over-long one) and whether a paragraph begins with it. */
    private record Unit(String text, boolean startsParagraph) {}

    private List<Unit> units(String text) {
        List<Unit> units = new ArrayList<>();
        for (String paragraph : PARAGRAPHS.split(text)) {
            boolean first = true;
            for (String sentence : SENTENCES.split(paragraph.strip())) {
                for (String piece : pieces(sentence.strip())) {
                    units.add(new Unit(piece, first));
                    first = false;
                }
            }
        }
        return units;
    }

    /** Cuts an over-long sentence between words (or anywhere, for a word longer than a chunk). */
    private List<String> pieces(String sentence) {
        List<String> pieces = new ArrayList<>();
        String rest = sentence;
        int max = targetChars - overlapChars - 1;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(' ', max);
            cut = cut <= 0 ? max : cut;
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isBlank()) {
            pieces.add(rest);
        }
        return pieces;
    }

    private List<Unit> overlap(List<Unit> chunk) {
        List<Unit> carried = new ArrayList<>();
        int length = 0;
        for (int i = chunk.size() - 1; i > 0; i--) {
            length += chunk.get(i).text().length() + 1;
            if (length > overlapChars) {
                break;
            }
            carried.add(0, chunk.get(i));
        }
        return carried;
    }

    private static String join(List<Unit> units) {
        StringBuilder out = new StringBuilder();
        for (Unit unit : units) {
            if (out.length() > 0) {
                out.append(unit.startsParagraph() ? "\n\n" : " ");
            }
            out.append(unit.text());
        }
        return out.toString();
    }
}
