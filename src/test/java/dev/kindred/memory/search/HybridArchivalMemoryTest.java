package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Passage;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HybridArchivalMemoryTest {
    private static final Instant DAY_ONE = Instant.parse("2025-03-01T10:00:00Z");

    private final InMemoryPassageStore store = new InMemoryPassageStore();
    private final HybridArchivalMemory archival = new HybridArchivalMemory(
            store, SharedMiniLm.get(), Clock.fixed(DAY_ONE, ZoneOffset.UTC), SearchSettings.DEFAULTS);

    @Test
    void findsAPassageByMeaningWithoutASharedWord() {
        archival.insert("a", "My dog loves the beach.", List.of(), "agent");
        archival.insert("a", "The quarterly tax return is due in April.", List.of(), "agent");
        archival.insert("a", "I am learning to play the violin.", List.of(), "agent");

        List<SearchHit<Passage>> hits = archival.search("a", SearchQuery.of("pet at the seaside", 1));

        assertThat(texts(hits)).containsExactly("My dog loves the beach.");
    }

    @Test
    void ranksAnExactRareKeywordFirst() {
        archival.insert("a", "We talked about the weather and the garden.", List.of(), "agent");
        archival.insert("a", "Her wifi password is Zephyr-4471.", List.of(), "agent");
        archival.insert("a", "Passwords should be long and unique.", List.of(), "agent");

        List<SearchHit<Passage>> hits = archival.search("a", SearchQuery.of("Zephyr-4471", 3));

        assertThat(texts(hits).get(0)).isEqualTo("Her wifi password is Zephyr-4471.");
    }

    @Test
    void tagFiltersMatchAnyOrAllAndApplyBeforeTheCut() {
        for (int i = 0; i < 30; i++) {
            archival.insert("a", "cooking note number " + i, List.of("cooking"), "agent");
        }
        for (int i = 0; i < 5; i++) {
            archival.insert("a", "travel note number " + i, List.of("travel", i % 2 == 0 ? "japan" : "peru"), "agent");
        }

        assertThat(texts(search(query("note", List.of("travel"), false, 5))))
                .hasSize(5)
                .allMatch(t -> t.startsWith("travel"));
        assertThat(texts(search(query("note", List.of("japan", "peru"), false, 10))))
                .hasSize(5);
        assertThat(texts(search(query("note", List.of("travel", "japan"), true, 10))))
                .containsExactlyInAnyOrder("travel note number 0", "travel note number 2", "travel note number 4");
        assertThat(search(query("note", List.of("unknown"), false, 10))).isEmpty();
    }

    @Test
    void dateFiltersIncludeTheStartExcludeTheEndAndApplyBeforeTheCut() {
        HybridArchivalMemory dated = datedMemory();
        SearchQuery secondWeek = new SearchQuery(
                "diary entry",
                List.of(),
                false,
                DAY_ONE.plus(Duration.ofDays(7)),
                DAY_ONE.plus(Duration.ofDays(14)),
                Set.of(),
                7);

        List<SearchHit<Passage>> hits = dated.search("a", secondWeek);

        assertThat(texts(hits)).hasSize(7).allMatch(t -> {
            int day = Integer.parseInt(t.replaceAll("\\D", ""));
            return day >= 7 && day < 14;
        });
    }

    @Test
    void aQueryNamingADayPrefersPassagesFromAroundThatDay() {
        HybridArchivalMemory dated = datedMemory();

        List<SearchHit<Passage>> hits = dated.search("a", SearchQuery.of("diary entry on 10 March 2025", 3));

        assertThat(texts(hits))
                .containsExactlyInAnyOrder("diary entry for day 8", "diary entry for day 9", "diary entry for day 10");
    }

    @Test
    void deletedPassagesAreNotFoundAndTheIndexReloadsFromTheStore() {
        Passage keep = archival.insert("a", "The cat sleeps on the sofa.", List.of(), "agent");
        Passage gone = archival.insert("a", "The cat hunts mice in the barn.", List.of(), "agent");
        archival.delete("a", gone.id());
        archival.evict("a");

        assertThat(archival.search("a", SearchQuery.of("cat", 5)))
                .extracting(hit -> hit.item().id())
                .containsExactly(keep.id());
    }

    @Test
    void theBestPassagesDeletedBehindTheIndexAreReplacedByTheNextBest() {
        for (String text : List.of("door code 1111", "door code 2222", "door code 3333", "door code 4444")) {
            archival.insert("a", text, List.of(), "agent");
        }
        List<SearchHit<Passage>> best = archival.search("a", SearchQuery.of("door code", 2));
        best.forEach(hit -> store.delete("a", hit.item().id())); // the store alone, as another process would

        List<String> next = texts(archival.search("a", SearchQuery.of("door code", 2)));

        assertThat(next).hasSize(2).doesNotContainAnyElementsOf(texts(best));
    }

    @Test
    void agentsDoNotSeeEachOthersPassages() {
        archival.insert("a", "Alice's secret recipe uses saffron.", List.of(), "agent");

        assertThat(archival.search("b", SearchQuery.of("saffron recipe", 5))).isEmpty();
    }

    /** Thirty passages, one a day, each saying which day it is. */
    private HybridArchivalMemory datedMemory() {
        Instant[] now = {DAY_ONE};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        HybridArchivalMemory memory = new HybridArchivalMemory(
                new InMemoryPassageStore(), SharedMiniLm.get(), clock, SearchSettings.DEFAULTS);
        for (int day = 0; day < 30; day++) {
            now[0] = DAY_ONE.plus(Duration.ofDays(day));
            memory.insert("a", "diary entry for day " + day, List.of(), "agent");
        }
        return memory;
    }

    private List<SearchHit<Passage>> search(SearchQuery query) {
        return archival.search("a", query);
    }

    private static SearchQuery query(String text, List<String> tags, boolean all, int limit) {
        return new SearchQuery(text, tags, all, null, null, Set.of(), limit);
    }

    private static List<String> texts(List<SearchHit<Passage>> hits) {
        return hits.stream().map(hit -> hit.item().text()).toList();
    }
}
