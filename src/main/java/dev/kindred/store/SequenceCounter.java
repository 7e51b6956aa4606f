package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Per-agent sequence numbers: one counter document per agent, moved by {@code $inc} under a
 * compare-and-set on its current value. Not findOneAndUpdate's returned document: the embedded
 * server applies concurrent increments atomically but may hand two callers the same result.
 */
final class SequenceCounter {
    private static final int MAX_ATTEMPTS = 1_000;

    private final MongoCollection<Document> counters;

    SequenceCounter(MongoDatabase database) {
        this.counters = database.getCollection(Schema.COUNTERS);
    }

    long next(String agentId) {
        String key = key(agentId);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long current = current(key);
            long matched = counters.updateOne(and(eq("_id", key), eq("seq", current)), Updates.inc("seq", 1L))
                    .getMatchedCount();
            if (matched == 1) {
                return current + 1;
            }
        }
        throw new IllegalStateException("could not take a sequence number for agent " + agentId);
    }

    void remove(String agentId) {
        counters.deleteOne(eq("_id", key(agentId)));
    }

    private long current(String key) {
        Document counter = counters.find(eq("_id", key)).first();
        if (counter != null) {
            return Fields.longValue(counter, "seq");
        }
        try {
            counters.insertOne(new Document("_id", key).append("seq", 0L));
        } catch (MongoException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
        }
        return 0; // if another writer created it first, the compare-and-set tells
    }

    private static String key(String agentId) {
        return "messages:" + agentId;
    }
}
