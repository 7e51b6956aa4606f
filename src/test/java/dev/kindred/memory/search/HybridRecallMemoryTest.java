package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Message;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.ToolInvocation;
import dev.kindred.memory.search.HybridRecallMemory.RecallStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HybridRecallMemoryTest {
    private static final Instant START = Instant.parse("2025-05-08T13:56:00Z");
    private static final Speaker SAM = new Speaker("u1", "Sam");

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final InMemoryMessageVectors vectors = new InMemoryMessageVectors();
    private final HybridRecallMemory recall = new HybridRecallMemory(
            new RecallStorage(store, vectors), SharedMiniLm.get(), SearchSettings.RECALL_DEFAULTS, Runnable::run);

    @Test
    void findsAMessageByMeaning() {
        say(Role.USER, "My dog loves the beach.", START);
        say(Role.USER, "Work was stressful today.", START);
        say(Role.ASSISTANT, "I hope tomorrow is calmer.", START);

        assertThat(texts(recall.search("a", SearchQuery.of("pet at the seaside", 1))))
                .containsExactly("My dog loves the beach.");
    }

    @Test
    void aNewMessageIsFoundByItsWordsAtOnceAndByItsMeaningOnceEmbeddedOffTheTurn() {
        List<Runnable> embeddings = new ArrayList<>();
        HybridRecallMemory background = new HybridRecallMemory(
                new RecallStorage(store, vectors), SharedMiniLm.get(), SearchSettings.RECALL_DEFAULTS, embeddings::add);
        assertThat(background.search("b", SearchQuery.of("anything", 1))).isEmpty(); // loads the index

        background.append(NewMessage.text("b", Role.USER, "My dog loves the beach.", SAM, "c", START));
        background.append(NewMessage.text("b", Role.USER, "Work was stressful today.", SAM, "c", START));

        assertThat(texts(background.search("b", SearchQuery.of("beach", 1))))
                .containsExactly("My dog loves the beach.");
        assertThat(background.search("b", SearchQuery.of("pet at the seaside", 1)))
                .isEmpty();
        assertThat(embeddings).hasSize(2);

        embeddings.forEach(Runnable::run);

        assertThat(texts(background.search("b", SearchQuery.of("pet at the seaside", 1))))
                .containsExactly("My dog loves the beach.");
        List<Long> stored = new ArrayList<>();
        vectors.forEach("b", (vector, seq) -> stored.add(seq));
        assertThat(stored).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void aMessageErasedWhileItsEmbeddingWaitedKeepsNoVector() {
        List<Runnable> embeddings = new ArrayList<>();
        HybridRecallMemory background = new HybridRecallMemory(
                new RecallStorage(store, vectors), SharedMiniLm.get(), SearchSettings.RECALL_DEFAULTS, embeddings::add);
        Message secret = background.append(NewMessage.text("e", Role.USER, "My bank pin is 9876.", SAM, "c", START));
        background.append(NewMessage.text("e", Role.USER, "The weather is fine.", SAM, "c", START));

        store.erase("e", secret.seq());
        embeddings.forEach(Runnable::run);

        List<Long> stored = new ArrayList<>();
        vectors.forEach("e", (vector, seq) -> stored.add(seq));
        assertThat(stored).containsExactly(2L);
    }

    @Test
    void aBatchIsIndexedLikeSingleAppends() {
        assertThat(recall.search("a", SearchQuery.of("anything", 1))).isEmpty(); // loads the index

        List<Message> stored = recall.appendAll(List.of(
                NewMessage.text("a", Role.USER, "Work was stressful today.", SAM, "c", START),
                NewMessage.text("a", Role.ASSISTANT, "My dog loves the beach.", SAM, "c", START)));

        assertThat(stored).extracting(Message::seq).containsExactly(1L, 2L);
        assertThat(texts(recall.search("a", SearchQuery.of("pet at the seaside", 1))))
                .containsExactly("My dog loves the beach.");
    }

    @Test
    void aQuestionNamingOneSpeakerPrefersWhatThatSpeakerSaid() {
        Speaker maria = new Speaker("u2", "Maria");
        Speaker john = new Speaker("u3", "John");
        recall.append(NewMessage.text("a", Role.USER, "Maria and I cooked soup in her kitchen.", john, "c", START));
        recall.append(NewMessage.text("a", Role.USER, "I made a lentil soup with lemon.", maria, "c", START));

        List<SearchHit<Message>> hits =
                recall.search("a", SearchQuery.of("What soup did Maria cook in her kitchen?", 2));

        assertThat(hits.get(0).item().speaker()).isEqualTo(maria);
    }

    @Test
    void roleFiltersApplyBeforeTheCut() {
        for (int i = 0; i < 20; i++) {
            say(Role.USER, "I like green tea number " + i, START);
        }
        say(Role.ASSISTANT, "Green tea is lovely.", START);
        say(Role.SUMMARY, "Sam talked about green tea a lot.", START);

        List<SearchHit<Message>> hits = recall.search("a", query("green tea", Set.of(Role.ASSISTANT, Role.SUMMARY), 2));

        assertThat(texts(hits)).containsExactlyInAnyOrder("Green tea is lovely.", "Sam talked about green tea a lot.");
    }

    @Test
    void toolCallsAreSearchableButToolResultsAndSystemNotesAreNot() {
        NewMessage call = new NewMessage(
                "a",
                Role.ASSISTANT,
                "",
                Speaker.AGENT,
                "c",
                List.of(new ToolInvocation("t1", "archival_memory_insert", "{\"content\":\"birthday is June 3\"}")),
                null,
                null,
                START);
        recall.append(call);
        recall.append(
                new NewMessage("a", Role.TOOL, "birthday stored", Speaker.AGENT, "c", List.of(), "t1", null, START));
        say(Role.SYSTEM, "birthday step limit reached", START);

        List<SearchHit<Message>> hits = recall.search("a", SearchQuery.of("birthday", 10));

        assertThat(hits).extracting(hit -> hit.item().role()).containsExactly(Role.ASSISTANT);
    }

    @Test
    void dateFiltersIncludeTheStartAndExcludeTheEnd() {
        for (int day = 0; day < 10; day++) {
            say(Role.USER, "went running on day " + day, START.plus(Duration.ofDays(day)));
        }
        SearchQuery days3to5 = new SearchQuery(
                "running",
                List.of(),
                false,
                START.plus(Duration.ofDays(3)),
                START.plus(Duration.ofDays(6)),
                Set.of(),
                5);

        assertThat(texts(recall.search("a", days3to5)))
                .containsExactlyInAnyOrder("went running on day 3", "went running on day 4", "went running on day 5");
    }

    @Test
    void erasedMessagesAreNeverReturnedEvenBeforeTheIndexIsEvicted() {
        Message secret = say(Role.USER, "My bank pin is 9876.", START);
        say(Role.USER, "My bank is closed on Sundays.", START);
        recall.search("a", SearchQuery.of("bank", 5));

        store.erase("a", secret.seq());

        assertThat(texts(recall.search("a", SearchQuery.of("bank pin", 5))))
                .containsExactly("My bank is closed on Sundays.");
        recall.evict("a");
        assertThat(texts(recall.search("a", SearchQuery.of("bank pin", 5))))
                .containsExactly("My bank is closed on Sundays.");
    }

    @Test
    void theBestHitsErasedAreReplacedByTheNextBest() {
        List<Message> said = new ArrayList<>();
        for (String text : List.of("bank pin 1111", "bank pin 2222", "bank pin 3333", "bank pin 4444")) {
            said.add(say(Role.USER, text, START));
        }
        List<String> best = texts(recall.search("a", SearchQuery.of("bank pin", 2)));
        said.stream().filter(m -> best.contains(m.content())).forEach(m -> store.erase("a", m.seq()));

        List<String> next = texts(recall.search("a", SearchQuery.of("bank pin", 2)));

        assertThat(next).hasSize(2).doesNotContainAnyElementsOf(best);
    }

    @Test
    void anIndexReloadedFromTheStoreFindsWhatTheLiveIndexFound() {
        say(Role.USER, "I adopted a kitten called Miso.", START);
        say(Role.USER, "The train to Lyon was late.", START);
        List<String> before = texts(recall.search("a", SearchQuery.of("kitten name", 2)));

        HybridRecallMemory restarted = new HybridRecallMemory(
                new RecallStorage(store, new InMemoryMessageVectors()),
                SharedMiniLm.get(),
                SearchSettings.RECALL_DEFAULTS,
                Runnable::run);

        assertThat(texts(restarted.search("a", SearchQuery.of("kitten name", 2))))
                .isEqualTo(before);
        assertThat(before.get(0)).isEqualTo("I adopted a kitten called Miso.");
    }

    @Test
    void appendsDuringSearchesAreAllIndexed() throws Exception {
        say(Role.USER, "warm-up message about hiking", START);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int writer = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        say(Role.USER, "writer " + writer + " hiking trip " + i, START);
                    }
                }));
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        assertThat(recall.search("a", SearchQuery.of("hiking trip", 10)))
                                .isNotEmpty();
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(recall.search("a", new SearchQuery("", List.of(), false, null, null, Set.of(), 100)))
                .hasSize(51);
    }

    private Message say(Role role, String text, Instant at) {
        return recall.append(NewMessage.text("a", role, text, role == Role.USER ? SAM : Speaker.AGENT, "c", at));
    }

    private static SearchQuery query(String text, Set<Role> roles, int limit) {
        return new SearchQuery(text, List.of(), false, null, null, roles, limit);
    }

    private static List<String> texts(List<SearchHit<Message>> hits) {
        return hits.stream().map(hit -> hit.item().content()).toList();
    }
}
