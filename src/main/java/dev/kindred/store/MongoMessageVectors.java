package dev.kindred.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.kindred.memory.search.MessageVectors;
import java.util.function.ObjLongConsumer;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Recall messages' embeddings, one document per message (float32 binary), so an agent's recall index
 * loads after a restart without embedding its whole history again.
 */
final class MongoMessageVectors implements MessageVectors {
    /** Read in batches: an agent's 100,000 vectors in one reply would exceed the wire protocol's limit. */
    private static final int BATCH = 2_000;

    private final MongoCollection<Document> vectors;

    MongoMessageVectors(MongoDatabase database) {
        this.vectors = database.getCollection(Schema.MESSAGE_VECTORS);
    }

    /** A plain insert (an upsert costs the embedded server a query first); a second put replaces. */
    @Override
    public void put(String agentId, long seq, float[] vector) {
        Document doc = new Document("_id", id(agentId, seq))
                .append("agentId", agentId)
                .append("seq", seq)
                .append("vector", Embeddings.toBinary(vector));
        try {
            vectors.insertOne(doc);
        } catch (MongoException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
            vectors.replaceOne(Filters.eq("_id", doc.get("_id")), doc); // computed again by an index load
        }
    }

    /** The document id of a message's vector; the message store deletes it when it erases the message. */
    static String id(String agentId, long seq) {
        return agentId + ":" + seq;
    }

    @Override
    public void forEach(String agentId, ObjLongConsumer<float[]> visitor) {
        for (Document doc : vectors.find(Filters.eq("agentId", agentId)).batchSize(BATCH)) {
            visitor.accept(Embeddings.fromBinary(doc.get("vector", Binary.class)), doc.getLong("seq"));
        }
    }

    @Override
    public void deleteAll(String agentId) {
        vectors.deleteMany(Filters.eq("agentId", agentId));
    }
}
