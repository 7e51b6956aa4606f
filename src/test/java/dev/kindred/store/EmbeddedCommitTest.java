package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the store's own once-a-second commits off, what is written stays unsaved until a commit is asked for. */
class EmbeddedCommitTest {
    @TempDir
    Path dir;

    private EmbeddedMongo mongo;
    private MongoCollection<Document> things;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.startWithoutAutoCommit(dir);
        things = mongo.client().getDatabase("commits").getCollection("things");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void commitSoonMakesWritesDurableOnItsOwnThread() {
        things.insertOne(new Document("_id", 1));
        assertThat(mongo.hasUnsavedChanges()).isTrue();

        mongo.commitSoon();

        assertThat(savedWithin(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void writesAfterAQueuedCommitAreCommittedToo() {
        for (int i = 0; i < 50; i++) {
            things.insertOne(new Document("_id", i));
            mongo.commitSoon();
        }

        assertThat(savedWithin(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void withoutACommitWritesStayUnsaved() {
        things.insertOne(new Document("_id", 1));

        assertThat(savedWithin(Duration.ofMillis(300))).isFalse();
    }

    private boolean savedWithin(Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        while (mongo.hasUnsavedChanges()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return true;
    }
}
