package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real driver over in-process connections to the embedded server's wire pipeline. The address
 * the client is given has no listener behind it, so everything here went through {@link
 * InProcessChannel}, not a socket.
 */
class InProcessChannelTest {
    private static final String NOBODY_LISTENS = "mongodb://127.0.0.1:1";

    @TempDir
    Path dir;

    private MVStore store;
    private MongoClient client;
    private MongoCollection<Document> notes;

    @BeforeEach
    void connect() {
        store = new MVStore.Builder()
                .fileName(dir.resolve("in-process.mv").toString())
                .open();
        client = MongoClients.connectInProcess(NOBODY_LISTENS, new InProcessServer(new SerializedKeyH2Backend(store)));
        notes = client.getDatabase("kindred").getCollection("notes");
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void commandsAreAnsweredWithoutASocket() {
        notes.insertOne(new Document("_id", 1).append("text", "the lighthouse"));

        assertThat(notes.find().first()).containsEntry("text", "the lighthouse");
    }

    @Test
    void aCursorFetchesItsLaterBatches() {
        notes.insertMany(
                IntStream.range(0, 250).mapToObj(i -> new Document("_id", i)).toList());

        List<Document> all = notes.find().batchSize(20).into(new ArrayList<>());

        assertThat(all).hasSize(250);
    }

    @Test
    void serverErrorsReachTheCallerAsDriverExceptions() {
        notes.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        notes.insertOne(new Document("key", "a"));

        assertThatThrownBy(() -> notes.insertOne(new Document("key", "a")))
                .isInstanceOfSatisfying(
                        MongoException.class,
                        e -> assertThat(DuplicateKey.is(e)).isTrue());
    }

    @Test
    void threadsUseTheirOwnConnectionsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = IntStream.range(0, 4)
                    .<Future<?>>mapToObj(t -> threads.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            notes.insertOne(new Document("_id", t * 1000 + i));
                        }
                    }))
                    .toList();
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(notes.countDocuments()).isEqualTo(200);
    }
}
