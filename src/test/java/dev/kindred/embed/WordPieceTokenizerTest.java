package dev.kindred.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Held to Hugging Face's tokenizer (through DJL, as langchain4j runs it) on the same tokenizer.json. */
class WordPieceTokenizerTest {
    private static final String JSON = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Categories of the characters Unicode added or moved after Hugging Face's tables (see below). */
    private static final Set<Integer> NEWER_MARKS_AND_PUNCTUATION = Set.of(
            (int) Character.NON_SPACING_MARK,
            (int) Character.FORMAT,
            (int) Character.DASH_PUNCTUATION,
            (int) Character.OTHER_PUNCTUATION,
            (int) Character.OTHER_SYMBOL);

    private static HuggingFaceTokenizer reference;
    private final WordPieceTokenizer tokenizer = WordPieceTokenizer.read(resource());

    @BeforeAll
    static void loadReference() throws IOException {
        try (InputStream json = resource()) {
            reference = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
        }
    }

    @AfterAll
    static void closeReference() {
        reference.close();
    }

    @Test
    void givesHuggingFacesIdsForTextsOfEveryKind() {
        List<String> texts = new ArrayList<>(List.of(
                "",
                "   ",
                "Hello, World!",
                "lighthouse trip 100123",
                "Ada's trip to the lighthouse, on 3 May 2024!",
                "Café naïve résumé, über-cool ÉCOLE Ångström",
                "don't … “quoted” — dashes–and‐hyphens ¿qué? ¡sí!",
                "email me at ada@example.com or https://example.com/a?b=c&d=e#f",
                "$100 + 5% = <more> ^_^ `code` | ~tilde~ {braces} [brackets]",
                "[CLS] a [SEP] b [MASK][PAD][UNK] [cls] [NOT SPECIAL] [SEP",
                "ΟΔΟΣ Σίσυφος ΣΑΣ İstanbul ǅemal ß ﬁne ﬀ Ⅻ",
                "Привет, как дела? Ёлка. Україна",
                "我爱北京天安门，你呢？ 日本語のテキストです。 한국어 텍스트입니다",
                "Emoji 😀👍🏽 ❤️ 👨‍👩‍👧 🇵🇹 and ✨ sparkle",
                "tabs\tand\nnewlines\r\nand\u000bvertical\u000cfeed\u0085next\u2028line\u2029para",
                "no\u00a0break\u202fnarrow\u3000ideographic\u200bzero\u200dwidth\ufeffbom\u00adsoft",
                "control\u0000null\u0001one\u007fdel\ufffdreplacement\ue000private",
                "a" + "b".repeat(99) + " " + "c".repeat(101) + " supercalifragilisticexpialidocious",
                "عربي مع تشكيل: مُحَمَّد، עברית עם ניקוד: שָׁלוֹם",
                "हिन्दी पाठ और ভাৰতীয় লিপি, ไทย ภาษา",
                "The lighthouse keeper wrote about the tide, the gulls and the lamp. ".repeat(20)));
        Random random = new Random(20261203);
        int[][] pools = {
            {0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x590, 0x6FF},
            {0x900, 0x97F}, {0xE00, 0xE7F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x3040, 0x30FF}, {0x4E00, 0x4FFF},
            {0xAC00, 0xAD00}, {0xFF00, 0xFFEF}, {0x1F300, 0x1F64F}
        };
        for (int t = 0; t < 300; t++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--) {
                int[] pool = pools[random.nextInt(pools.length)];
                int c = pool[0] + random.nextInt(pool[1] - pool[0] + 1);
                text.appendCodePoint(Character.isSurrogate((char) c) ? ' ' : c);
                if (random.nextInt(6) == 0) {
                    text.append(' ');
                }
            }
            texts.add(text.toString());
        }

        for (String text : texts) {
            assertThat(tokenizer.ids(text)).as(text).containsExactly(expected(text));
        }
    }

    @Test
    void keepsTheFirst126PiecesBetweenClsAndSep() {
        long[] ids = tokenizer.ids("word ".repeat(300));

        assertThat(ids).hasSize(128);
        assertThat(ids[0]).isEqualTo(101);
        assertThat(ids[127]).isEqualTo(102);
    }

    /**
     * Every code point alone and inside a word. The only differences allowed are characters Unicode
     * added or moved after the tables Hugging Face's tokenizer was built with (Java 17 knows Unicode
     * 13): a mark Java strips as an accent, a format character it drops, a punctuation mark it splits
     * at (or, once, no longer does), where Hugging Face reads an unknown letter. They are 367
     * characters of rarely written scripts (NKo, Vedic, Gujarati and Arabic marks, Egyptian
     * hieroglyph controls, ...), none in the Latin, Greek, Cyrillic, Hebrew, CJK, Hangul or emoji blocks.
     */
    @Test
    void tokenizesEveryCodePointAsHuggingFaceDoesButAFewHundredNewerOnes() {
        List<Integer> differing = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (!Character.isSurrogate((char) c) || c > 0xFFFF) {
                batch.add(c);
            }
            if (batch.size() == 64 || c == Character.MAX_CODE_POINT) {
                if (!Arrays.equals(tokenizer.ids(inContext(batch)), expected(inContext(batch)))) {
                    for (int one : batch) {
                        if (!Arrays.equals(tokenizer.ids(inContext(List.of(one))), expected(inContext(List.of(one))))) {
                            differing.add(one);
                        }
                    }
                }
                batch.clear();
            }
        }

        assertThat(differing).hasSizeLessThan(400);
        assertThat(differing)
                .allSatisfy(c -> assertThat(NEWER_MARKS_AND_PUNCTUATION).contains(Character.getType(c)));
        assertThat(differing)
                .noneMatch(c -> c < 0x7C0 || (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3))
                .noneMatch(c -> c >= 0x1F000 && c <= 0x1FAFF);
    }

    /** Every line and question of LoCoMo's ten conversations (../shared/benchmarks/locomo). */
    @Test
    @Tag("shared")
    void givesHuggingFacesIdsForEveryLineOfLocomo() throws IOException {
        List<String> texts = new ArrayList<>();
        new ObjectMapper()
                .readTree(Path.of("../shared/benchmarks/locomo/locomo10.json").toFile())
                .findValues("text")
                .forEach(text -> texts.add(text.asText()));
        assertThat(texts).hasSizeGreaterThan(5000);

        for (String text : texts) {
            assertThat(tokenizer.ids(text)).as(text).containsExactly(expected(text));
        }
    }

    @Test
    void refusesATokenizerItWouldNotFollow() throws IOException {
        String json;
        try (InputStream in = resource()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String cased = json.replaceFirst("\"lowercase\": ?true", "\"lowercase\": false");
        assertThat(cased).isNotEqualTo(json);

        assertThatThrownBy(
                        () -> WordPieceTokenizer.read(new ByteArrayInputStream(cased.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WordPiece");
    }

    /** Each code point between letters, then alone after a space: "xCx aC ". */
    private static String inContext(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        for (int c : codePoints) {
            text.append('x').appendCodePoint(c).append("x a").appendCodePoint(c).append(' ');
        }
        return text.toString();
    }

    private static long[] expected(String text) {
        return reference.encode(text, true, false).getIds();
    }

    private static InputStream resource() {
        return AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(JSON);
    }
}
