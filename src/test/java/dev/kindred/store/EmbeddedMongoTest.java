package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the stores rely on from the embedded server, and what it lacks, pinned down so that an
 * upgrade of mongo-java-server that changes any of it shows up here first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedMongoTest {
    @TempDir
    static Path root;

    private EmbeddedMongo mongo;
    private MongoDatabase database;

    @BeforeAll
    void start() {
        mongo = EmbeddedMongo.start(root.resolve("not/yet/there"));
        database = mongo.client().getDatabase("capabilities");
    }

    @AfterAll
    void stop() {
        mongo.close();
    }

    @Test
    void createsTheDataDirectoryAndListensOnALoopbackPort() {
        mongo.commit();

        assertThat(root.resolve("not/yet/there").resolve(EmbeddedMongo.FILE_NAME))
                .isRegularFile();
        assertThat(mongo.port()).isPositive();
    }

    @Test
    void compoundMultikeyUniqueIndexIsEnforcedOnInsertAndOnAddToSet() {
        MongoCollection<Document> c = uniqueOn("multikey", "tags", "label");
        c.insertOne(new Document("_id", 1).append("tags", List.of("a", "b")).append("label", "x"));
        c.insertOne(new Document("_id", 2).append("tags", List.of("c")).append("label", "x"));

        assertDuplicate(() ->
                c.insertOne(new Document("_id", 3).append("tags", List.of("b")).append("label", "x")));
        assertDuplicate(() -> c.updateOne(eq("_id", 2), Updates.addToSet("tags", "a")));
        assertDuplicate(() -> c.findOneAndUpdate(eq("_id", 2), Updates.addToSet("tags", "a")));
    }

    @Test
    void aDocumentWhoseIndexedArrayBecameEmptyCanNoLongerBeDeleted() {
        MongoCollection<Document> c = uniqueOn("empty_array", "tags", "label");
        c.insertOne(new Document("_id", 1).append("tags", List.of("a")).append("label", "x"));
        c.updateOne(eq("_id", 1), Updates.pull("tags", "a"));

        assertThatThrownBy(() -> c.deleteOne(eq("_id", 1)))
                .as("why MongoBlockStore.detach never pulls the last agent id")
                .isInstanceOf(MongoException.class)
                .hasMessageContaining("Found no position");
    }

    @Test
    void partialFilterExpressionIsIgnoredSoSuchAnIndexActsAsAFullUniqueIndex() {
        MongoCollection<Document> c = database.getCollection("partial");
        c.createIndex(
                Indexes.ascending("k"),
                new IndexOptions()
                        .unique(true)
                        .partialFilterExpression(new Document("k", new Document("$exists", true))));
        c.insertOne(new Document("_id", 1));

        assertDuplicate(() -> c.insertOne(new Document("_id", 2)));
    }

    @Test
    void sparseUniqueIndexSkipsDocumentsWithoutTheField() {
        MongoCollection<Document> c = database.getCollection("sparse");
        c.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true).sparse(true));
        c.insertOne(new Document("_id", 1));
        c.insertOne(new Document("_id", 2));
        c.insertOne(new Document("_id", 3).append("k", 1));

        assertDuplicate(() -> c.insertOne(new Document("_id", 4).append("k", 1)));
    }

    @Test
    void compareAndSetOnVersionMatchesOnlyTheCurrentVersion() {
        MongoCollection<Document> c = database.getCollection("cas");
        c.insertOne(new Document("_id", 1).append("version", 1L));

        long first = c.updateOne(and(eq("_id", 1), eq("version", 1L)), Updates.inc("version", 1L))
                .getModifiedCount();
        long stale = c.updateOne(and(eq("_id", 1), eq("version", 1L)), Updates.inc("version", 1L))
                .getModifiedCount();

        assertThat(List.of(first, stale)).containsExactly(1L, 0L);
    }

    private MongoCollection<Document> uniqueOn(String name, String... fields) {
        MongoCollection<Document> c = database.getCollection(name);
        c.createIndex(Indexes.ascending(fields), new IndexOptions().unique(true));
        return c;
    }

    private static void assertDuplicate(Runnable write) {
        assertThatThrownBy(write::run)
                .isInstanceOfSatisfying(
                        MongoException.class,
                        e -> assertThat(DuplicateKey.is(e)).isTrue());
    }
}
