package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.ToolInvocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What every {@link MessageStore} does; an implementation's test supplies the store. */
public interface MessageStoreContract {
    Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");
    Speaker SAM = new Speaker("42", "Sam");

    MessageStore messages();

    static String freshAgent() {
        return "agent-" + UUID.randomUUID();
    }

    static NewMessage said(String agentId, String text, @Nullable String sourceId) {
        return new NewMessage(agentId, Role.USER, text, SAM, "channel-1", List.of(), null, sourceId, T0);
    }

    private List<Long> seqs(List<Message> list) {
        return list.stream().map(Message::seq).toList();
    }

    @Test
    default void appendGivesEachAgentItsOwnConsecutiveSequence() {
        String luna = freshAgent();
        String sol = freshAgent();

        Message first = messages().append(said(luna, "hi", null));
        Message other = messages().append(said(sol, "hello", null));
        Message second = messages().append(said(luna, "how are you?", null));

        assertThat(List.of(first.seq(), second.seq(), other.seq())).containsExactly(1L, 2L, 1L);
        assertThat(messages().range(luna, 1, 2)).containsExactly(first, second);
    }

    @Test
    default void appendingTheSameDiscordMessageTwiceStoresItOnce() {
        String agent = freshAgent();
        Message stored = messages().append(said(agent, "hi", "discord-1"));

        Message again = messages().append(said(agent, "hi (redelivered)", "discord-1"));

        assertThat(again).isEqualTo(stored);
        assertThat(messages().count(agent)).isEqualTo(1);
        assertThat(messages().bySource(agent, "discord-1")).contains(stored);
        assertThat(messages().append(said(freshAgent(), "hi", "discord-1")).seq())
                .as("the source id is unique per agent only")
                .isEqualTo(1);
    }

    @Test
    default void appendIfNewRefusesAStoredSourceWithoutTakingANumber() {
        String agent = freshAgent();
        Message stored = messages().appendIfNew(said(agent, "hi", "discord-2")).orElseThrow();

        assertThat(messages().appendIfNew(said(agent, "hi (redelivered)", "discord-2")))
                .isEmpty();
        Message next =
                messages().appendIfNew(said(agent, "and then", "discord-3")).orElseThrow();

        assertThat(messages().range(agent, 1, Long.MAX_VALUE)).containsExactly(stored, next);
        assertThat(next.seq()).isEqualTo(stored.seq() + 1);
    }

    @Test
    default void ofRacingAppendIfNewCallsForOneSourceExactlyOneStoresIt() throws Exception {
        String agent = freshAgent();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Optional<Message>> outcomes = new ArrayList<>();
        try {
            List<Future<Optional<Message>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Optional<Message>> append = () -> messages().appendIfNew(said(agent, "hi", "discord-race-2"));
                results.add(pool.submit(append));
            }
            for (Future<Optional<Message>> result : results) {
                outcomes.add(result.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(messages().count(agent)).isEqualTo(1);
    }

    @Test
    default void racingAppendsOfOneDiscordMessageStoreItOnceAndKeepTheSequenceWhole() throws Exception {
        String agent = freshAgent();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Message>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Message> append = () -> messages().append(said(agent, "hi", "discord-race"));
                results.add(pool.submit(append));
            }
            for (Future<Message> result : results) {
                assertThat(result.get().sourceId()).isEqualTo("discord-race");
            }
        } finally {
            pool.shutdown();
        }

        List<Message> all = messages().range(agent, 1, Long.MAX_VALUE);
        assertThat(all).filteredOn(m -> !m.erased()).hasSize(1);
        assertThat(seqs(all))
                .isEqualTo(LongStream.rangeClosed(1, all.size()).boxed().toList());
    }

    @Test
    default void concurrentAppendsGetDistinctConsecutiveSequenceNumbers() throws Exception {
        String agent = freshAgent();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Message>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String text = "line " + i;
                Callable<Message> append = () -> messages().append(said(agent, text, null));
                results.add(pool.submit(append));
            }
            for (Future<Message> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(seqs(messages().range(agent, 1, 100)))
                .isEqualTo(LongStream.rangeClosed(1, 24).boxed().toList());
    }

    @Test
    default void appendAllNumbersTheBatchInOrderAfterWhatIsThere() {
        String agent = freshAgent();
        messages().append(said(agent, "first", null));

        List<Message> batch =
                messages().appendAll(List.of(said(agent, "a", null), said(agent, "b", null), said(agent, "c", null)));

        assertThat(batch).extracting(Message::seq).containsExactly(2L, 3L, 4L);
        assertThat(messages().range(agent, 1, 10)).extracting(Message::content).containsExactly("first", "a", "b", "c");
        assertThat(messages().append(said(agent, "next", null)).seq()).isEqualTo(5);
    }

    @Test
    default void concurrentBatchesAndSingleAppendsInterleaveWithoutGapsOrRepeats() throws Exception {
        String agent = freshAgent();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Message>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String text = "writer " + i;
                Callable<List<Message>> write = i % 2 == 0
                        ? () -> messages()
                                .appendAll(List.of(said(agent, text + " a", null), said(agent, text + " b", null)))
                        : () -> List.of(messages().append(said(agent, text, null)));
                results.add(pool.submit(write));
            }
            for (Future<List<Message>> result : results) {
                List<Message> written = result.get();
                assertThat(written).extracting(Message::seq).isSorted();
            }
        } finally {
            pool.shutdown();
        }

        List<Message> all = messages().range(agent, 1, 100);
        assertThat(seqs(all)).isEqualTo(LongStream.rangeClosed(1, 24).boxed().toList());
        assertThat(all).extracting(Message::content).doesNotHaveDuplicates();
    }

    @Test
    default void rangeAndLatestReturnMessagesOldestFirst() {
        String agent = freshAgent();
        List<Message> stored = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            stored.add(messages().append(said(agent, "message " + i, null)));
        }

        assertThat(messages().range(agent, 2, 4)).containsExactlyElementsOf(stored.subList(1, 4));
        assertThat(messages().latest(agent, 3)).containsExactlyElementsOf(stored.subList(3, 6));
        assertThat(messages().latest(agent, 100)).containsExactlyElementsOf(stored);
        assertThat(messages().lastSeq(agent)).isEqualTo(6);
        assertThat(messages().count(agent)).isEqualTo(6);
    }

    @Test
    default void anAgentWithoutMessagesHasNone() {
        String agent = freshAgent();

        assertThat(messages().lastSeq(agent)).isZero();
        assertThat(messages().count(agent)).isZero();
        assertThat(messages().latest(agent, 10)).isEmpty();
        assertThat(messages().bySource(agent, "discord-1")).isEmpty();
    }

    @Test
    default void toolCallsAndResultsRoundTrip() {
        String agent = freshAgent();
        ToolInvocation call = new ToolInvocation("call-1", "memory_insert", "{\"label\":\"human\"}");
        Message asked = messages()
                .append(new NewMessage(
                        agent, Role.ASSISTANT, "", Speaker.AGENT, "channel-1", List.of(call), null, null, T0));
        Message result = messages()
                .append(new NewMessage(
                        agent,
                        Role.TOOL,
                        "{\"status\":\"OK\"}",
                        Speaker.AGENT,
                        "channel-1",
                        List.of(),
                        "call-1",
                        null,
                        T0));

        assertThat(messages().range(agent, 1, 2)).containsExactly(asked, result);
        assertThat(messages().range(agent, 1, 1).get(0).toolCalls()).containsExactly(call);
    }

    @Test
    default void storedTimesKeepMilliseconds() {
        String agent = freshAgent();
        Instant precise = Instant.parse("2025-03-01T10:00:00.123456789Z");

        Message stored = messages().append(NewMessage.text(agent, Role.USER, "hi", SAM, "c", precise));

        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123Z"));
        assertThat(messages().range(agent, 1, 1)).containsExactly(stored);
    }

    @Test
    default void erasingLeavesATombstoneWithTheSameSequenceNumber() {
        String agent = freshAgent();
        messages().append(said(agent, "first", null));
        Message secret = messages().append(said(agent, "my address is ...", "discord-2"));
        messages().append(said(agent, "third", null));

        messages().erase(agent, 2);

        Message tombstone = messages().range(agent, 2, 2).get(0);
        assertThat(tombstone.erased()).isTrue();
        assertThat(tombstone.content()).isEmpty();
        assertThat(tombstone.seq()).isEqualTo(2);
        assertThat(seqs(messages().latest(agent, 10))).containsExactly(1L, 2L, 3L);
        assertThat(messages()
                        .append(said(agent, "my address is ...", "discord-2"))
                        .id())
                .as("an erased message is not stored again when Discord redelivers it")
                .isEqualTo(secret.id());
        assertThat(messages().count(agent)).isEqualTo(3);
    }

    @Test
    default void deleteAllRemovesEveryMessageOfTheAgentOnly() {
        String agent = freshAgent();
        String other = freshAgent();
        messages().append(said(agent, "one", null));
        messages().append(said(agent, "two", "discord-3"));
        Message kept = messages().append(said(other, "kept", null));

        assertThat(messages().deleteAll(agent)).isEqualTo(2);

        assertThat(messages().count(agent)).isZero();
        assertThat(messages().lastSeq(agent)).isZero();
        assertThat(messages().range(other, 1, 1)).containsExactly(kept);
    }
}
