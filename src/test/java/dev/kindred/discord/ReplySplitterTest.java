package dev.kindred.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplySplitterTest {
    private final ReplySplitter splitter = ReplySplitter.discord();

    @Test
    void shortReplyIsOneMessage() {
        assertThat(splitter.split("  hello there \n")).containsExactly("hello there");
    }

    @Test
    void longReplySplitsOnParagraphs() {
        String paragraph = "word ".repeat(199) + "end."; // 999 characters
        String text = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph, paragraph));

        List<String> parts = splitter.split(text);

        assertThat(parts).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(2_000));
        assertThat(parts).allSatisfy(p -> assertThat(p).endsWith("end."));
        assertThat(String.join("\n\n", parts)).isEqualTo(text);
    }

    @Test
    void withoutParagraphsSplitsAfterSentences() {
        String sentence = "This is a sentence of about sixty characters, more or less. ";
        String text = sentence.repeat(60).strip();

        List<String> parts = splitter.split(text);

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p).hasSizeLessThanOrEqualTo(2_000);
            assertThat(p).endsWith("more or less.");
        });
    }

    @Test
    void withoutSentencesSplitsBetweenWords() {
        String text = "lorem ".repeat(700).strip();

        List<String> parts = splitter.split(text);

        assertThat(parts).allSatisfy(p -> {
            assertThat(p).hasSizeLessThanOrEqualTo(2_000);
            assertThat(p).startsWith("lorem").endsWith("lorem");
        });
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void aSingleEndlessWordIsCutHard() {
        String text = "x".repeat(4_500);

        List<String> parts = splitter.split(text);

        assertThat(parts).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(2_000));
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void codeFenceCutInTheMiddleIsClosedAndReopenedWithItsLanguage() {
        String code = "int x = 1;\n".repeat(300);
        String text = "Here is the code:\n\n```java\n" + code + "```\nThat is all.";

        List<String> parts = splitter.split(text);

        assertThat(parts).hasSizeGreaterThan(1);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            assertThat(part).hasSizeLessThanOrEqualTo(2_000);
            assertThat(fenceCount(part) % 2).as("fences balanced in part %d", i).isZero();
            if (i > 0) {
                assertThat(part).startsWith("```java\n");
            }
        }
        assertThat(parts.get(parts.size() - 1)).endsWith("That is all.");
    }

    @Test
    void inlineFencesOnOneLineDoNotOpenABlock() {
        assertThat(ReplySplitter.openFenceLanguage("see ```x``` here\n```inline```"))
                .isNull();
        assertThat(ReplySplitter.openFenceLanguage("```py\nprint(1)")).isEqualTo("py");
    }

    private static int fenceCount(String text) {
        int count = 0;
        for (int i = text.indexOf("```"); i >= 0; i = text.indexOf("```", i + 3)) {
            count++;
        }
        return count;
    }
}
