package dev.kindred.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.kindred.memory.search.MessageVectors;
import java.util.function.ObjLongConsumer;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Recall messages' embeddings, one document per message (float32 binary), so an agent's recall index
 * loads after a restart without embedding its whole history again.
 */
final class MongoMessageVectors implements MessageVectors {
    private final MongoCollection<Document> vectors;

    MongoMessageVectors(MongoDatabase database) {
        this.vectors = database.getCollection(Schema.MESSAGE_VECTORS);
    }

    @Override
    public void put(String agentId, long seq, float[] vector) {
        Document doc = new Document("_id", agentId + ":" + seq)
                .append("agentId", agentId)
                .append("seq", seq)
                .append("vector", Embeddings.toBinary(vector));
        vectors.replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public void forEach(String agentId, ObjLongConsumer<float[]> visitor) {
        for (Document doc : vectors.find(Filters.eq("agentId", agentId))) {
            visitor.accept(Embeddings.fromBinary(doc.get("vector", Binary.class)), doc.getLong("seq"));
        }
    }

    @Override
    public void deleteAll(String agentId) {
        vectors.deleteMany(Filters.eq("agentId", agentId));
    }
}
