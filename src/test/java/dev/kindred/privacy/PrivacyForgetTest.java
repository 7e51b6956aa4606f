package dev.kindred.privacy;

import static dev.kindred.privacy.PrivacyWorld.BOB;
import static dev.kindred.privacy.PrivacyWorld.BOB_WORDS;
import static dev.kindred.privacy.PrivacyWorld.MARTA;
import static dev.kindred.privacy.PrivacyWorld.MARTA_WORDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.SearchQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyForgetTest {
    @TempDir
    Path dir;

    @Test
    void forgetLeavesNoTraceInAnyCollectionNorInSearch() {
        try (PrivacyWorld world = PrivacyWorld.seeded(dir, ErasureHook.NONE)) {
            primeSearchIndexes(world);

            ErasureCounts counts = world.privacy.forget(MARTA.id());

            assertThat(counts.agents()).isEqualTo(1);
            assertThat(counts.tombstones()).isEqualTo(1);
            assertThat(counts.summaries())
                    .as("the summary after her message, and the sleeptime run that read it")
                    .isEqualTo(2);
            assertThat(counts.blocks()).isEqualTo(3);
            assertNoTraceOfMarta(world);
            assertBobIsUntouched(world);
        }
    }

    @Test
    void forgetErasesTheAgentsOwnCallsThatWroteIntoTheirBlockAndNoOneElses() {
        try (PrivacyWorld world = PrivacyWorld.seeded(dir, ErasureHook.NONE)) {
            world.fixture
                    .model
                    .toolCall("memory_insert", "{\"label\":\"human\",\"new_string\":\"Marta sees a heron doctor.\"}")
                    .reply("Take care, Marta.")
                    .toolCall("memory_insert", "{\"label\":\"human\",\"new_string\":\"Bob climbs granite.\"}")
                    .reply("Nice, Bob.");
            world.say(world.guide, MARTA, "I saw my doctor today");
            world.say(world.guide, BOB, "I climbed granite today");

            world.privacy.forget(MARTA.id());

            assertThat(world.everyDocument()).noneMatch(doc -> doc.contains("heron"));
            assertThat(world.everyDocument())
                    .as("the record of Bob's edit stays")
                    .anyMatch(doc -> doc.startsWith("messages") && doc.contains("Bob climbs granite."));
        }
    }

    @Test
    void forgettingTwiceIsSafeAndFindsNothingMore() {
        try (PrivacyWorld world = PrivacyWorld.seeded(dir, ErasureHook.NONE)) {
            world.privacy.forget(MARTA.id());

            assertThat(world.privacy.forget(MARTA.id())).isEqualTo(ErasureCounts.NONE);
            assertNoTraceOfMarta(world);
            assertBobIsUntouched(world);
        }
    }

    @Test
    void aForgetInterruptedAfterItsFirstStepIsFinishedByTheNextStart() {
        AtomicBoolean crashed = new AtomicBoolean();
        ErasureHook crashOnce = step -> {
            if (crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated crash after " + step);
            }
        };
        PrivacyWorld before = PrivacyWorld.seeded(dir, crashOnce);
        try (PrivacyWorld world = before) {
            assertThatThrownBy(() -> world.privacy.forget(MARTA.id())).hasMessageContaining("simulated crash");
            assertThat(world.everyDocument()).anySatisfy(doc -> assertThat(doc).contains(MARTA.id()));
        }

        try (PrivacyWorld restarted = PrivacyWorld.open(dir, ErasureHook.NONE)) {
            restarted.adopt(before);
            ErasureCounts resumed = restarted.privacy.resumePending();

            assertThat(resumed.tombstones()).isEqualTo(1);
            assertNoTraceOfMarta(restarted);
            assertThat(restarted.privacy.resumePending()).isEqualTo(ErasureCounts.NONE);
        }
    }

    /** Loads the indexes first, so the test shows erasure evicts them rather than that they never loaded. */
    private static void primeSearchIndexes(PrivacyWorld world) {
        assertThat(world.fixture.services.recall().search(world.guide.id(), SearchQuery.of("quokkafest", 5)))
                .isNotEmpty();
        assertThat(world.fixture.services.archival().search(world.martaDm.id(), SearchQuery.of("tanzanite", 5)))
                .isNotEmpty();
    }

    static void assertNoTraceOfMarta(PrivacyWorld world) {
        assertThat(world.everyDocument())
                .allSatisfy(doc -> assertThat(doc)
                        .doesNotContain(MARTA.id(), MARTA.name(), world.martaDm.id())
                        .doesNotContain(MARTA_WORDS));
        for (String word : MARTA_WORDS) {
            // vector search always returns the nearest messages; none of them may be hers or quote her
            assertThat(world.fixture.services.recall().search(world.guide.id(), SearchQuery.of(word, 10)))
                    .as("recall search for %s", word)
                    .isNotEmpty()
                    .allSatisfy(hit -> {
                        assertThat(hit.item().speaker().id()).isNotEqualTo(MARTA.id());
                        assertThat(hit.item().content())
                                .doesNotContain(MARTA_WORDS)
                                .doesNotContain(MARTA.name());
                    });
            assertThat(world.fixture.services.recall().search(world.martaDm.id(), SearchQuery.of(word, 10)))
                    .isEmpty();
            assertThat(world.fixture.services.archival().search(world.martaDm.id(), SearchQuery.of(word, 10)))
                    .isEmpty();
        }
        assertThat(world.privacy.show(MARTA.id()).isEmpty()).isTrue();
        assertThat(world.fixture
                        .services
                        .agents()
                        .get(world.guide.id())
                        .orElseThrow()
                        .window()
                        .summary())
                .isEmpty();
        List<Message> guideMessages = world.fixture.services.messages().range(world.guide.id(), 1, Long.MAX_VALUE);
        assertThat(guideMessages).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(guideMessages)
                .filteredOn(Message::erased)
                .extracting(Message::seq)
                .as("her message and the summary written after it")
                .containsExactly(4L, 6L);
        assertThat(world.everyDocument())
                .filteredOn(doc -> doc.startsWith("message_vectors:"))
                .as("the embeddings of erased messages are gone, the others kept")
                .noneMatch(doc -> doc.contains(world.guide.id() + ":4") || doc.contains(world.guide.id() + ":6"))
                .anyMatch(doc -> doc.contains(world.guide.id() + ":1"));
    }

    private static void assertBobIsUntouched(PrivacyWorld world) {
        String everything = String.join("\n", world.everyDocument());
        assertThat(everything).contains(BOB_WORDS).contains(BOB.id(), world.bobDm.id());
        assertThat(world.fixture.services.recall().search(world.guide.id(), SearchQuery.of("xylocarp", 10)))
                .extracting(hit -> hit.item().role())
                .contains(Role.USER, Role.SUMMARY);
        assertThat(world.privacy.show(BOB.id()).sharedAgents()).hasSize(1);
    }
}
