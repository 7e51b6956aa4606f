package dev.kindred.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * BERT's uncased WordPiece tokenizer, as the model's {@code tokenizer.json} describes it, in plain
 * Java: the ids Hugging Face's tokenizer gives, without its native library. Each call there crosses
 * JNI several times and builds offsets, token strings and masks that the model never reads: 26 µs
 * back to back, but 240 µs after a 100 ms pause, a tenth of a query's embedding (measured).
 *
 * <p>The steps, in Hugging Face's order: the special tokens ({@code [CLS]}, {@code [MASK]}, ...) are
 * matched in the raw text; the rest is cleaned (control characters dropped, every space character made
 * a plain space), Chinese characters are spaced out, accents are stripped and letters lowercased, one
 * character at a time; words split at white space and around each punctuation mark; each word becomes
 * its longest vocabulary pieces from the left ({@code ##} marks a continuation), or {@code [UNK]} when
 * it cannot be; the ids are cut to the model's length, {@code [CLS]} and {@code [SEP]} included.
 */
final class WordPieceTokenizer {
    private static final String CONTINUATION = "##";

    private final Map<String, Integer> vocabulary;
    private final Map<String, Integer> specialTokens;
    private final int maxTokens;
    private final int maxWordChars;
    private final int unknown;
    private final int first;
    private final int last;

    private WordPieceTokenizer(
            Map<String, Integer> vocabulary, Map<String, Integer> specialTokens, int maxTokens, int maxWordChars) {
        this.vocabulary = vocabulary;
        this.specialTokens = specialTokens;
        this.maxTokens = maxTokens;
        this.maxWordChars = maxWordChars;
        this.unknown = idOf("[UNK]");
        this.first = idOf("[CLS]");
        this.last = idOf("[SEP]");
    }

    /**
     * Reads a {@code tokenizer.json}, refusing any it would not tokenize as Hugging Face does: another
     * normaliser, pre-tokeniser or model, or options this class does not implement.
     */
    static WordPieceTokenizer read(InputStream json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer", e);
        }
        JsonNode normalizer = root.path("normalizer");
        JsonNode model = root.path("model");
        boolean supported = normalizer.path("type").asText().equals("BertNormalizer")
                && normalizer.path("clean_text").asBoolean()
                && normalizer.path("handle_chinese_chars").asBoolean()
                && normalizer.path("lowercase").asBoolean()
                && (normalizer.path("strip_accents").isNull()
                        || normalizer.path("strip_accents").asBoolean())
                && root.path("pre_tokenizer").path("type").asText().equals("BertPreTokenizer")
                && model.path("type").asText().equals("WordPiece")
                && model.path("continuing_subword_prefix").asText().equals(CONTINUATION)
                && root.path("truncation").path("direction").asText("Right").equals("Right");
        if (!supported) {
            throw new IllegalArgumentException("not an uncased BERT WordPiece tokenizer");
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        model.path("vocab")
                .properties()
                .forEach(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
        Map<String, Integer> special = new HashMap<>();
        for (JsonNode token : root.path("added_tokens")) {
            if (token.path("normalized").asBoolean()
                    || token.path("single_word").asBoolean()) {
                throw new IllegalArgumentException("added token options not supported: " + token);
            }
            special.put(token.path("content").asText(), token.path("id").asInt());
        }
        return new WordPieceTokenizer(
                vocabulary,
                special,
                root.path("truncation").path("max_length").asInt(Integer.MAX_VALUE),
                model.path("max_input_chars_per_word").asInt(100));
    }

    /** The model's input ids for {@code text}: {@code [CLS]}, its pieces (as many as fit), {@code [SEP]}. */
    long[] ids(String text) {
        List<Integer> ids = new ArrayList<>();
        ids.add(first);
        int from = 0;
        while (from < text.length()) {
            int at = from;
            @Nullable String special = null;
            for (; at < text.length(); at++) {
                special = specialAt(text, at);
                if (special != null) {
                    break;
                }
            }
            words(text.substring(from, at), ids);
            if (special != null) {
                ids.add(specialTokens.get(special));
                at += special.length();
            }
            from = at;
        }
        int kept = Math.min(ids.size(), Math.max(0, maxTokens - 1));
        long[] result = new long[kept + 1];
        for (int i = 0; i < kept; i++) {
            result[i] = ids.get(i);
        }
        result[kept] = last;
        return result;
    }

    /** The longest special token that starts at {@code at}, if any. */
    private @Nullable String specialAt(String text, int at) {
        @Nullable String longest = null;
        if (text.charAt(at) != '[') {
            return null; // every special token of a BERT vocabulary is bracketed
        }
        for (String token : specialTokens.keySet()) {
            if (text.startsWith(token, at) && (longest == null || token.length() > longest.length())) {
                longest = token;
            }
        }
        return longest;
    }

    /** Appends the pieces of the text between special tokens. */
    private void words(String text, List<Integer> ids) {
        String normal = normalize(text);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normal.length(); ) {
            int c = normal.codePointAt(i);
            i += Character.charCount(c);
            if (UnicodeClasses.isWhiteSpace(c)) {
                pieces(word, ids);
            } else if (UnicodeClasses.isPunctuation(c)) {
                pieces(word, ids);
                word.appendCodePoint(c);
                pieces(word, ids);
            } else {
                word.appendCodePoint(c);
            }
        }
        pieces(word, ids);
    }

    /** Cleans, spaces out Chinese characters, strips accents, then lowercases, as BertNormalizer does. */
    private static String normalize(String text) {
        StringBuilder cleaned = new StringBuilder(text.length() + 8);
        boolean ascii = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || UnicodeClasses.isControl(c)) {
                continue;
            }
            if (UnicodeClasses.isWhiteSpace(c)) {
                cleaned.append(' ');
            } else if (UnicodeClasses.isChinese(c)) {
                cleaned.append(' ').appendCodePoint(c).append(' ');
                ascii = false;
            } else {
                cleaned.appendCodePoint(c);
                ascii &= c < 0x80;
            }
        }
        if (ascii) {
            return cleaned.toString().toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        StringBuilder normal = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                // one character at a time: Hugging Face lowercases a final sigma like any other
                normal.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
            }
        }
        return normal.toString();
    }

    /** Appends a word's pieces, longest first from the left, and empties it; [UNK] if it has none. */
    private void pieces(StringBuilder word, List<Integer> ids) {
        if (word.isEmpty()) {
            return;
        }
        String text = word.toString();
        word.setLength(0);
        if (text.codePointCount(0, text.length()) > maxWordChars) {
            ids.add(unknown);
            return;
        }
        List<Integer> found = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            @Nullable Integer id = null;
            int end = text.length();
            for (; end > start; end = text.offsetByCodePoints(end, -1)) {
                String piece = text.substring(start, end);
                id = vocabulary.get(start == 0 ? piece : CONTINUATION + piece);
                if (id != null) {
                    break;
                }
            }
            if (id == null) {
                ids.add(unknown);
                return;
            }
            found.add(id);
            start = end;
        }
        ids.addAll(found);
    }

    private int idOf(String token) {
        Integer id = specialTokens.getOrDefault(token, vocabulary.get(token));
        if (id == null) {
            throw new IllegalArgumentException("the vocabulary has no " + token);
        }
        return id;
    }
}
