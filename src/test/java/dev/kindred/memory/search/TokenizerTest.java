package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void lowerCasesSplitsOnPunctuationAndDropsFunctionWords() {
        assertThat(Tokenizer.terms("What did Caroline's group-talk cover, in 2023?"))
                .containsExactly("carolin", "group", "talk", "cover", "2023");
    }

    @Test
    void foldsPluralAndVerbEndingsTogether() {
        assertThat(Tokenizer.terms("painting paints painted")).containsOnly(Stemmer.stem("paint"));
        assertThat(Tokenizer.terms("loves loved loving")).containsOnly(Stemmer.stem("love"));
        assertThat(Tokenizer.terms("stories story")).containsOnly(Stemmer.stem("story"));
        assertThat(Tokenizer.terms("running runs")).containsOnly("run");
    }
}
