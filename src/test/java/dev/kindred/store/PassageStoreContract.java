package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Passage;
import dev.kindred.memory.PassageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link PassageStore} does; an implementation's test supplies the store. */
public interface PassageStoreContract {
    Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    PassageStore passages();

    static String freshAgent() {
        return "agent-" + UUID.randomUUID();
    }

    static Passage passage(String agentId, String text, int minutes) {
        return new Passage(
                UUID.randomUUID().toString(),
                agentId,
                text,
                List.of("diary", "2025"),
                new float[] {0.6f, -0.8f, 0f, Float.MIN_VALUE},
                T0.plus(Duration.ofMinutes(minutes)),
                "agent",
                "channel-7");
    }

    private static List<String> texts(List<Passage> passages) {
        return passages.stream().map(Passage::text).toList();
    }

    @Test
    default void insertedPassageRoundTripsWithItsEmbedding() {
        String agent = freshAgent();
        Passage inserted = passages().insert(passage(agent, "Sam adopted a cat named Miso.", 0));

        Passage read = passages().get(agent, inserted.id()).orElseThrow();

        assertThat(read.text()).isEqualTo("Sam adopted a cat named Miso.");
        assertThat(read.tags()).containsExactly("diary", "2025");
        assertThat(read.embedding()).containsExactly(0.6f, -0.8f, 0f, Float.MIN_VALUE);
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.source()).isEqualTo("agent");
        assertThat(read.channelId()).isEqualTo("channel-7");
    }

    @Test
    default void aPassageIsOnlyVisibleToItsAgent() {
        String agent = freshAgent();
        Passage inserted = passages().insert(passage(agent, "private", 0));

        assertThat(passages().get(freshAgent(), inserted.id())).isEmpty();
        assertThat(passages().delete(freshAgent(), inserted.id())).isFalse();
        assertThat(passages().count(agent)).isEqualTo(1);
    }

    @Test
    default void byIdsReadsTheAgentsPassagesThatExistInOneGo() {
        String agent = freshAgent();
        Passage first = passages().insert(passage(agent, "first", 0));
        Passage second = passages().insert(passage(agent, "second", 1));
        Passage someoneElses = passages().insert(passage(freshAgent(), "not yours", 2));

        List<Passage> read = passages().byIds(agent, List.of(second.id(), "no-such-id", someoneElses.id(), first.id()));

        assertThat(texts(read)).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    default void listIsNewestFirstAndPages() {
        String agent = freshAgent();
        for (int i = 1; i <= 5; i++) {
            passages().insert(passage(agent, "note " + i, i));
        }

        assertThat(texts(passages().list(agent, 0, 2))).containsExactly("note 5", "note 4");
        assertThat(texts(passages().list(agent, 2, 2))).containsExactly("note 3", "note 2");
        assertThat(texts(passages().list(agent, 4, 10))).containsExactly("note 1");
    }

    @Test
    default void forEachVisitsEveryPassageOldestFirst() {
        String agent = freshAgent();
        passages().insert(passage(agent, "later", 5));
        passages().insert(passage(agent, "earlier", 1));
        passages().insert(passage(freshAgent(), "someone else's", 3));

        List<String> seen = new ArrayList<>();
        passages().forEach(agent, p -> seen.add(p.text()));

        assertThat(seen).containsExactly("earlier", "later");
    }

    @Test
    default void deleteRemovesOnePassageAndDeleteAllTheRest() {
        String agent = freshAgent();
        Passage first = passages().insert(passage(agent, "one", 1));
        passages().insert(passage(agent, "two", 2));
        passages().insert(passage(agent, "three", 3));

        assertThat(passages().delete(agent, first.id())).isTrue();
        assertThat(passages().get(agent, first.id())).isEmpty();
        assertThat(passages().deleteAll(agent)).isEqualTo(2);
        assertThat(passages().count(agent)).isZero();
    }
}
