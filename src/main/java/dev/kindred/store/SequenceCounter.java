package dev.kindred.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/** Per-agent sequence numbers: one counter document per agent, moved with an atomic {@code $inc}. */
final class SequenceCounter {
    private static final FindOneAndUpdateOptions UPSERT_AFTER =
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> counters;

    SequenceCounter(MongoDatabase database) {
        this.counters = database.getCollection(Schema.COUNTERS);
    }

    long next(String agentId) {
        Document counter = counters.findOneAndUpdate(eq("_id", key(agentId)), Updates.inc("seq", 1L), UPSERT_AFTER);
        if (counter == null) {
            throw new IllegalStateException("the sequence counter upsert returned nothing for agent " + agentId);
        }
        return Fields.longValue(counter, "seq");
    }

    void remove(String agentId) {
        counters.deleteOne(eq("_id", key(agentId)));
    }

    private static String key(String agentId) {
        return "messages:" + agentId;
    }
}
