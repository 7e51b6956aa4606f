package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases from Porter's paper and his published vocabulary, one or more per rule. */
class StemmerTest {

    @ParameterizedTest
    @CsvSource({
        "caresses, caress",
        "ponies, poni",
        "ties, ti",
        "caress, caress",
        "cats, cat",
        "feed, feed",
        "agreed, agre",
        "plastered, plaster",
        "bled, bled",
        "motoring, motor",
        "sing, sing",
        "conflated, conflat",
        "troubled, troubl",
        "sized, size",
        "hopping, hop",
        "tanned, tan",
        "falling, fall",
        "hissing, hiss",
        "fizzed, fizz",
        "failing, fail",
        "filing, file",
        "happy, happi",
        "sky, sky"
    })
    void step1FoldsPluralsAndPastTenses(String word, String stem) {
        assertThat(Stemmer.stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource({
        "relational, relat",
        "conditional, condit",
        "rational, ration",
        "digitizer, digit",
        "differentli, differ",
        "vietnamization, vietnam",
        "predication, predic",
        "operator, oper",
        "feudalism, feudal",
        "decisiveness, decis",
        "hopefulness, hope",
        "callousness, callous",
        "sensibiliti, sensibl",
        "triplicate, triplic",
        "formative, form",
        "electrical, electr",
        "goodness, good"
    })
    void steps2And3FoldDerivationalSuffixes(String word, String stem) {
        assertThat(Stemmer.stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource({
        "revival, reviv", "allowance, allow", "inference, infer", "airliner, airlin", "adjustable, adjust",
        "replacement, replac", "adjustment, adjust", "dependent, depend", "adoption, adopt", "communism, commun",
        "activate, activ", "homologous, homolog", "effective, effect", "bowdlerize, bowdler", "probate, probat",
        "rate, rate", "cease, ceas", "controll, control", "roll, roll"
    })
    void steps4And5DropEndingsOfLongStems(String word, String stem) {
        assertThat(Stemmer.stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource({"painting", "paints", "painted", "paint"})
    void inflectionsOfOneWordMeet(String word) {
        assertThat(Stemmer.stem(word)).isEqualTo("paint");
    }

    @ParameterizedTest
    @CsvSource({"2023", "is", "café", "x86s"})
    void leavesShortWordsAndNonLettersAlone(String word) {
        assertThat(Stemmer.stem(word)).isEqualTo(word);
    }
}
