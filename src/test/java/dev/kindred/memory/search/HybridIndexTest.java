package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kindred.memory.Role;
import dev.kindred.memory.SearchQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridIndexTest {
    private static final Instant AT = Instant.parse("2025-05-08T13:56:00Z");

    @Test
    void recallRanksAMessageSaidNextToAStrongMatchAboveOneAloneThatIsSlightlyCloser() {
        assertThat(rankedBy(SearchSettings.RECALL_DEFAULTS))
                .containsExactly("the answer", "less close, before the answer", "close, alone");
    }

    @Test
    void archivalRanksPassagesByTheirOwnVectorsAlone() {
        assertThat(rankedBy(SearchSettings.DEFAULTS))
                .containsExactly("the answer", "close, alone", "less close, before the answer");
    }

    @Test
    void aFailedQueryEmbeddingFailsTheSearchAndLeavesTheIndexUsable() {
        HybridIndex<String> index = new HybridIndex<>(4, SearchSettings.DEFAULTS);
        index.add(doc("the lighthouse keeper", 1, 0, 0, 0));
        IllegalStateException failure = new IllegalStateException("ONNX Runtime failed to embed a text");

        assertThatThrownBy(() -> index.search(
                        SearchQuery.of("lighthouse", 3),
                        () -> {
                            throw failure;
                        },
                        3))
                .isSameAs(failure);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> index.add(doc("the garden", 0, 1, 0, 0)));
        assertThat(index.search(SearchQuery.of("garden", 3), () -> new float[] {0, 1, 0, 0}, 3).stream()
                        .map(Scored::key))
                .first()
                .isEqualTo("the garden");
    }

    /** The top three, by vector alone, of five documents in a row for a query along the first axis. */
    private static List<String> rankedBy(SearchSettings settings) {
        HybridIndex<String> index = new HybridIndex<>(4, settings);
        index.add(doc("unrelated", 0, 1, 0, 0));
        index.add(doc("close, alone", 0.7f, 0, 0.71f, 0));
        index.add(doc("unrelated too", 0, 1, 0, 0));
        index.add(doc("less close, before the answer", 0.6f, 0, 0, 0.8f));
        index.add(doc("the answer", 1, 0, 0, 0));
        return index.search(SearchQuery.of("zzz", 3), () -> new float[] {1, 0, 0, 0}, 3).stream()
                .map(Scored::key)
                .toList();
    }

    /** A document whose key is also its text. */
    private static IndexedDoc<String> doc(String text, float... vector) {
        return new IndexedDoc<>(text, text, vector, AT, Role.USER, List.of(), "Sam");
    }
}
