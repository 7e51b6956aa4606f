package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.memory.Passage;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.UserInputException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextChunkerTest {
    private final TextChunker chunker = new TextChunker(200, 60);

    @Test
    void aShortTextIsOneChunk() {
        assertThat(chunker.split("# Notes\n\nJust one short paragraph."))
                .containsExactly("# Notes\n\nJust one short paragraph.");
    }

    @Test
    void chunksStayNearTheTargetAndEndOnSentences() {
        String text = IntStream.range(0, 40)
                .mapToObj(i -> "Sentence number " + i + " says something.")
                .collect(Collectors.joining(" "));

        List<String> chunks = chunker.split(text);

        assertThat(chunks).hasSizeGreaterThan(5);
        assertThat(chunks).allMatch(c -> c.length() <= 200 && c.endsWith("something."));
    }

    @Test
    void consecutiveChunksOverlapByWholeSentences() {
        String text =
                IntStream.range(0, 20).mapToObj(i -> "Fact " + i + " is short.").collect(Collectors.joining(" "));

        List<String> chunks = chunker.split(text);

        for (int i = 1; i < chunks.size(); i++) {
            String lastSentenceBefore =
                    chunks.get(i - 1).substring(chunks.get(i - 1).lastIndexOf("Fact"));
            assertThat(chunks.get(i)).startsWith("Fact").contains(lastSentenceBefore);
        }
    }

    @Test
    void prefersParagraphBoundaries() {
        String para = "This paragraph talks about one topic at some length, more or less.";
        String text = para + " " + para + "\n\n" + "Second topic starts here. " + para;

        List<String> chunks = chunker.split(text);

        assertThat(chunks.get(1)).startsWith("Second topic starts here.");
    }

    @Test
    void cutsAnOverlongSentenceBetweenWords() {
        String text = "word ".repeat(200).strip();

        List<String> chunks = chunker.split(text);

        assertThat(chunks).hasSizeGreaterThan(4).allMatch(c -> c.length() <= 200 && !c.contains("wor "));
        assertThat(String.join(" ", chunks).replace(" ", "").length()).isGreaterThanOrEqualTo(800);
    }

    @Test
    void filesBecomePassagesTaggedWithTheFileName() {
        HybridArchivalMemory archival = new HybridArchivalMemory(
                new InMemoryPassageStore(), SharedMiniLm.get(), Clock.systemUTC(), SearchSettings.DEFAULTS);
        ArchivalFiles files = new ArchivalFiles(archival, new TextChunker());
        String text = "## Trip\n\n" + "We hiked in the Dolomites in July and slept in huts. ".repeat(30);

        List<Passage> added = files.add("a", "trip.md", text, List.of("travel"), "chan-1");

        assertThat(added)
                .hasSizeGreaterThan(1)
                .allMatch(p -> p.tags().equals(List.of("travel", "trip.md"))
                        && p.source().equals("file:trip.md")
                        && "chan-1".equals(p.channelId()));
        assertThat(archival.search(
                        "a", new SearchQuery("hiking", List.of("trip.md"), false, null, null, java.util.Set.of(), 10)))
                .hasSize(added.size());
        assertThatThrownBy(() -> files.add("a", "photo.png", "x", List.of(), null))
                .isInstanceOf(UserInputException.class);
    }
}
