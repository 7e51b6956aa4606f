package dev.kindred.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void shortenKeepsATextThatFitsAndCutsALongerOneWithAnEllipsis() {
        assertThat(Texts.shorten("Sam", 5)).isEqualTo("Sam");
        assertThat(Texts.shorten("Samantha", 5)).isEqualTo("Sama…").hasSize(5);
    }

    @Test
    void shortenNeverSplitsAnEmojiInTwo() {
        assertThat(Texts.shorten("Sam\uD83D\uDC33whale", 5)).isEqualTo("Sam…");
    }
}
