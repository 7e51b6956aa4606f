package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MongoMessageStoreTest extends EmbeddedStorageFixture implements MessageStoreContract {
    @Override
    public MessageStore messages() {
        return storage().messages();
    }

    @Test
    void aTurnReadingTheWindowWhileAMessageIsErasedDoesNotKeepItsTextInMemory() {
        HookedDatabase hooked = new HookedDatabase(storage().database(), Schema.MESSAGES, "updateOne");
        MongoMessageStore store = new MongoMessageStore(hooked.database());
        String agent = MessageStoreContract.freshAgent();
        store.append(MessageStoreContract.said(agent, "my address is 12 Elm St", null));
        hooked.before(() -> store.range(agent, 1, 10)); // a turn compiles its context meanwhile

        store.erase(agent, 1);

        assertThat(hooked.fired()).isTrue();
        Message erased = store.range(agent, 1, 10).get(0);
        assertThat(erased.erased()).isTrue();
        assertThat(erased.content()).isEmpty();
    }

    @Test
    void twoProcessesSharingTheDatabaseNumberMessagesWithoutGapsOrRepeats() {
        String agent = MessageStoreContract.freshAgent();
        MongoMessageStore other = new MongoMessageStore(storage().database());
        for (int i = 0; i < 3; i++) {
            messages().append(MessageStoreContract.said(agent, "mine " + i, null));
        }

        Message theirs = other.append(MessageStoreContract.said(agent, "theirs", null));
        Message mine = messages().append(MessageStoreContract.said(agent, "mine again", null));

        assertThat(theirs.seq()).as("found the last number by probing").isEqualTo(4);
        assertThat(mine.seq()).as("lost the race for 4, caught up").isEqualTo(5);
        assertThat(new MongoMessageStore(storage().database()).range(agent, 1, Long.MAX_VALUE))
                .extracting(Message::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aBatchThatLostItsFirstNumberToAnotherProcessIsNumberedAfterIt() {
        String agent = MessageStoreContract.freshAgent();
        MongoMessageStore other = new MongoMessageStore(storage().database());
        messages().append(MessageStoreContract.said(agent, "mine", null));

        other.append(MessageStoreContract.said(agent, "theirs", null));
        List<Message> batch = messages()
                .appendAll(List.of(
                        MessageStoreContract.said(agent, "a", null), MessageStoreContract.said(agent, "b", null)));

        assertThat(batch).extracting(Message::seq).containsExactly(3L, 4L);
        assertThat(new MongoMessageStore(storage().database()).range(agent, 1, Long.MAX_VALUE))
                .extracting(Message::content)
                .containsExactly("mine", "theirs", "a", "b");
    }

    @Test
    void aWindowReachingBehindTheRecentMessagesIsReadWholeAndInOrder() {
        String agent = MessageStoreContract.freshAgent();
        int count = RecentMessages.TAIL + 300;
        for (int i = 1; i <= count; i++) {
            messages().append(MessageStoreContract.said(agent, "line " + i, null));
        }

        List<Message> window = messages().range(agent, 100, Long.MAX_VALUE);
        List<Message> hits = messages().bySeqs(agent, List.of((long) count, 3L, 150L));

        assertThat(window)
                .extracting(Message::seq)
                .isEqualTo(LongStream.rangeClosed(100, count).boxed().toList());
        assertThat(window.get(0).content()).isEqualTo("line 100");
        assertThat(hits).extracting(Message::content).containsExactly("line 3", "line 150", "line " + count);
        assertThat(messages().range(agent, count + 5, Long.MAX_VALUE))
                .as("nothing after the last")
                .isEmpty();
    }
}
