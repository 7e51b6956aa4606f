package dev.kindred.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faster unique indexes keep H2's bytes and order: a data file written by mongo-java-server's
 * stock backend is read by Kindred's, and the other way round, with every key found and every unique
 * index still refusing duplicates. Keys of several types and enough of them for a B-tree of many
 * pages, so a different order would lose keys.
 */
class SerializedKeyH2BackendTest {
    private static final int COUNT = 3_000;

    @TempDir
    Path dir;

    @Test
    void readsAndExtendsWhatTheStockBackendWroteAndTheStockBackendReadsItBack() {
        Path file = dir.resolve("data.mv");
        run(file, H2Backend::new, c -> {
            c.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            c.insertMany(documents(0, COUNT));
        });

        run(file, SerializedKeyH2Backend::new, c -> {
            assertAllFound(c, COUNT);
            assertRefusesDuplicates(c, COUNT - 1);
            c.insertMany(documents(COUNT, 2 * COUNT));
            c.deleteOne(eq("_id", id(5)));
            c.insertOne(document(5));
            assertMovesKey(c, 7);
        });

        run(file, H2Backend::new, c -> {
            assertAllFound(c, 2 * COUNT);
            assertRefusesDuplicates(c, 2 * COUNT - 1);
        });
    }

    /**
     * Keys of strings are written without Java serialisation ({@link StringKeySerialization}), other
     * keys with it: numbers equal in value but not in type ({@code 7}, {@code 7L}, {@code 7.0}) and
     * strings with the same hash code ("Aa", "BB") are found, and refused again, as the stock backend
     * finds and refuses them.
     */
    @Test
    void eachKeyIsLookedUpAsItselfAsTheStockBackendLooksItUp() {
        List<Object> keys = List.of(7, 7L, 7.0, "7", 8L, 8, 8.0, true, "Aa", "BB", "Aa");
        assertThat(outcomes(dir.resolve("ours.mv"), SerializedKeyH2Backend::new, keys))
                .isEqualTo(outcomes(dir.resolve("stock.mv"), H2Backend::new, keys));
    }

    /** For each key in turn: whether it is found, then whether inserting it goes in or is refused. */
    private static List<String> outcomes(Path file, Function<MVStore, H2Backend> backend, List<Object> keys) {
        List<String> outcomes = new ArrayList<>();
        run(file, backend, c -> {
            for (Object key : keys) {
                boolean found = c.find(eq("_id", key)).first() != null;
                String insert;
                try {
                    c.insertOne(new Document("_id", key).append("name", String.valueOf(key)));
                    insert = "inserted";
                } catch (MongoWriteException e) {
                    insert = "refused";
                }
                outcomes.add(key + (found ? " found, " : " missing, ") + insert);
            }
            outcomes.add("count " + c.countDocuments());
        });
        return outcomes;
    }

    private static void assertAllFound(MongoCollection<Document> c, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(c.find(eq("_id", id(i))).first())
                    .as("document %d by _id", i)
                    .isNotNull()
                    .extracting(d -> d.get("name"))
                    .isEqualTo("name-" + i);
        }
        assertThat(c.countDocuments()).isEqualTo(count);
    }

    /** An update that changes a document's unique key frees the old key and takes the new one. */
    private static void assertMovesKey(MongoCollection<Document> c, int i) {
        c.updateOne(eq("_id", id(i)), set("name", "renamed"));
        assertThat(c.find(eq("name", "renamed")).first())
                .extracting(d -> d.get("_id"))
                .isEqualTo(id(i));
        c.insertOne(new Document("_id", "spare").append("name", "name-" + i));
        assertThatThrownBy(() -> c.insertOne(new Document("_id", "other").append("name", "renamed")))
                .hasMessageContaining("duplicate key");
        c.deleteOne(eq("_id", "spare"));
        c.updateOne(eq("_id", id(i)), set("name", "name-" + i));
    }

    private static void assertRefusesDuplicates(MongoCollection<Document> c, int existing) {
        assertThatThrownBy(() -> c.insertOne(new Document("_id", id(existing)).append("name", "fresh")))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> c.insertOne(new Document("_id", "fresh").append("name", "name-" + existing)))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> c.updateOne(eq("_id", id(0)), set("name", "name-" + existing)))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThat(c.find(eq("name", "name-0")).first()).isNotNull();
        assertThat(c.find(eq("_id", "fresh")).first()).isNull();
    }

    private static List<Document> documents(int from, int to) {
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < to; i++) {
            documents.add(document(i));
        }
        return documents;
    }

    private static Document document(int i) {
        return new Document("_id", id(i)).append("name", "name-" + i);
    }

    /** Strings, longs and doubles by turns, as the stores' ids and counters are. */
    private static Object id(int i) {
        return switch (i % 3) {
            case 0 -> "agent:" + i;
            case 1 -> (long) i;
            default -> i + 0.5;
        };
    }

    private static void run(Path file, Function<MVStore, H2Backend> backend, Consumer<MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(backend.apply(store));
        String uri = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.connect(uri)) {
            work.accept(client.getDatabase("compat").getCollection("things"));
        } finally {
            server.shutdown();
        }
    }
}
