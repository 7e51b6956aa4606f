package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.privacy.ErasureCounts;
import dev.kindred.privacy.ForgetPlan;
import dev.kindred.privacy.PrivacyRequests;
import dev.kindred.privacy.PrivacyStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The store additions privacy relies on, on the embedded server (distinct, dotted fields, deletes). */
class PrivacyStoreTest extends EmbeddedStorageFixture {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void speakerQueriesSkipTombstonesAndAnonymiseForgetsTheSpeakerAndTheVector() {
        String agent = fresh();
        String other = fresh();
        Speaker ana = new Speaker(fresh(), "Ana");
        MessageStore messages = storage().messages();
        Message first = messages.append(NewMessage.text(agent, Role.USER, "one", ana, "c", T0));
        messages.append(NewMessage.text(agent, Role.SUMMARY, "sum", Speaker.AGENT, "summary", T0));
        Message second = messages.append(NewMessage.text(agent, Role.USER, "two", ana, "c", T0));
        messages.append(NewMessage.text(other, Role.USER, "three", ana, "c", T0));
        storage().messageVectors().put(agent, first.seq(), new float[] {1, 0});

        assertThat(messages.agentsWithSpeaker(ana.id())).containsExactlyInAnyOrder(agent, other);
        assertThat(messages.bySpeaker(agent, ana.id()))
                .extracting(Message::content)
                .containsExactly("one", "two");
        assertThat(messages.withRole(agent, Role.SUMMARY, 2))
                .extracting(Message::seq)
                .containsExactly(2L);
        assertThat(messages.withRole(agent, Role.SUMMARY, 3)).isEmpty();

        messages.anonymise(agent, first.seq());
        messages.anonymise(agent, second.seq());
        messages.anonymise(other, 1);

        assertThat(messages.agentsWithSpeaker(ana.id())).isEmpty();
        assertThat(messages.range(agent, 1, 3)).filteredOn(Message::erased).allSatisfy(m -> {
            assertThat(m.speaker()).isEqualTo(MessageStore.ANONYMOUS);
            assertThat(m.content()).isEmpty();
        });
        assertThat(messages.count(agent)).isEqualTo(3);
        List<Long> vectors = new ArrayList<>();
        storage().messageVectors().forEach(agent, (vector, seq) -> vectors.add(seq));
        assertThat(vectors).isEmpty();
    }

    @Test
    void purgeDeletesTheBlockWithItsHistoryAndLeftoverHistoryOnlyOfBlocksThatAreGone() {
        String agent = fresh();
        String member = fresh();
        Block own =
                storage().blocks().create(new NewBlock(agent, "human", "v1", 100, "", false, member), Authors.AGENT);
        storage().blocks().update(own.id(), 1, "v2", Authors.AGENT);
        Block shared = storage().blocks().create(NewBlock.of(agent, "persona", "p"), Authors.SYSTEM);
        Block gone = storage().blocks().create(NewBlock.of(agent, "notes", "n"), Authors.SYSTEM);
        storage().blocks().detach(gone.id(), agent);

        assertThat(storage().blocks().allBlocks(agent)).extracting(Block::id).containsExactly(own.id(), shared.id());
        assertThat(storage().blocks().blocksOfMember(member))
                .extracting(Block::id)
                .containsExactly(own.id());
        assertThat(storage().blocks().history(gone.id())).hasSize(1);

        assertThat(storage().blocks().purge(own.id())).isEqualTo(2);
        assertThat(storage().blocks().purgeLeftoverHistory(agent)).isEqualTo(1);

        assertThat(storage().blocks().get(own.id())).isEmpty();
        assertThat(storage().blocks().history(own.id())).isEmpty();
        assertThat(storage().blocks().history(gone.id())).isEmpty();
        assertThat(storage().blocks().history(shared.id()))
                .extracting(BlockVersion::value)
                .containsExactly("p");
    }

    @Test
    void agentRecordsGoFromEveryListedCollectionAndFinishedRequestsNameNobody() {
        String agent = fresh();
        storage().database().getCollection("sleeptime_jobs").insertOne(new Document("agentId", agent));
        storage().database().getCollection("sleeptime_leases").insertOne(new Document("_id", agent));
        String someoneElse = fresh();
        storage().database().getCollection("sleeptime_jobs").insertOne(new Document("agentId", someoneElse));
        PrivacyStores stores = storage().privacyStores();

        assertThat(stores.agentRecords().deleteAll(agent)).isEqualTo(2);
        assertThat(storage()
                        .database()
                        .getCollection("sleeptime_jobs")
                        .countDocuments(new Document("agentId", someoneElse)))
                .isEqualTo(1);

        String user = fresh();
        String id = stores.requests().begin(new ForgetPlan(user, Set.of(agent), Map.of("shared", 4L)), T0);
        assertThat(stores.requests().pending())
                .contains(new PrivacyRequests.Pending(id, new ForgetPlan(user, Set.of(agent), Map.of("shared", 4L))));
        stores.requests().finish(id, ErasureCounts.NONE, T0);
        assertThat(stores.requests().pending())
                .extracting(PrivacyRequests.Pending::requestId)
                .doesNotContain(id);
        Document done = storage()
                .database()
                .getCollection("privacy_requests")
                .find(new Document("_id", id))
                .first();
        assertThat(done).isNotNull();
        assertThat(done.toJson()).contains("done").doesNotContain(user, agent);
    }

    @Test
    void scrubbingRunLogsClearsFinishedJobsThatReadFromTheSeqOnly() {
        String agent = fresh();
        var jobs = storage().database().getCollection("sleeptime_jobs");
        jobs.insertOne(job(agent, 2, "DONE", "before"));
        jobs.insertOne(job(agent, 6, "DONE", "quotes her"));
        jobs.insertOne(job(agent, 7, "PENDING", "in flight"));
        PrivacyStores stores = storage().privacyStores();

        assertThat(stores.agentRecords().scrubRunLogs(agent, 4)).isEqualTo(1);
        assertThat(stores.agentRecords().scrubRunLogs(agent, 4)).isZero();

        String all = String.join(
                "\n",
                jobs.find(new Document("agentId", agent)).map(Document::toJson).into(new ArrayList<>()));
        assertThat(all).contains("before", "in flight").doesNotContain("quotes her");
    }

    private static Document job(String agent, long toSeq, String status, String note) {
        return new Document("_id", fresh())
                .append("agentId", agent)
                .append("toSeq", toSeq)
                .append("status", status)
                .append("steps", List.of(new Document("text", note)));
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }
}
