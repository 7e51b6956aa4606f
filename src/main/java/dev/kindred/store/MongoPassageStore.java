package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.kindred.memory.Passage;
import dev.kindred.memory.PassageStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Archival passages in {@code passages}; ordered by creation time, then id. */
public final class MongoPassageStore implements PassageStore {
    /** Read in batches: a large archive in one reply would exceed the wire protocol's limit. */
    private static final int BATCH = 2_000;

    private static final Bson OLDEST_FIRST = Sorts.ascending("createdAt", "_id");
    private static final Bson NEWEST_FIRST = Sorts.descending("createdAt", "_id");

    private final MongoCollection<Document> passages;

    MongoPassageStore(MongoDatabase database) {
        this.passages = database.getCollection(Schema.PASSAGES);
    }

    /** Stores the passage with its time cut to milliseconds (what BSON keeps) and returns that. */
    @Override
    public Passage insert(Passage passage) {
        Passage stored = new Passage(
                passage.id(),
                passage.agentId(),
                passage.text(),
                passage.tags(),
                passage.embedding().clone(),
                Fields.millis(passage.createdAt()),
                passage.source(),
                passage.channelId());
        passages.insertOne(PassageDocuments.toDocument(stored));
        return stored;
    }

    @Override
    public Optional<Passage> get(String agentId, String passageId) {
        Document document = passages.find(ofAgent(agentId, passageId)).first();
        return Optional.ofNullable(document).map(PassageDocuments::fromDocument);
    }

    @Override
    public List<Passage> byIds(String agentId, Collection<String> passageIds) {
        // by _id alone, which the embedded server answers from its index (with agentId too it scans)
        List<Passage> found = new ArrayList<>();
        for (Document document : passages.find(in("_id", passageIds))) {
            Passage passage = PassageDocuments.fromDocument(document);
            if (passage.agentId().equals(agentId)) {
                found.add(passage);
            }
        }
        return found;
    }

    @Override
    public List<Passage> list(String agentId, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return passages.find(eq("agentId", agentId))
                .sort(NEWEST_FIRST)
                .skip(Math.max(0, offset))
                .limit(limit)
                .map(PassageDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    @Override
    public void forEach(String agentId, Consumer<Passage> visitor) {
        passages.find(eq("agentId", agentId))
                .sort(OLDEST_FIRST)
                .batchSize(BATCH)
                .map(PassageDocuments::fromDocument)
                .forEach(visitor);
    }

    @Override
    public long count(String agentId) {
        return passages.countDocuments(eq("agentId", agentId));
    }

    @Override
    public boolean delete(String agentId, String passageId) {
        return passages.deleteOne(ofAgent(agentId, passageId)).getDeletedCount() == 1;
    }

    @Override
    public long deleteAll(String agentId) {
        return passages.deleteMany(eq("agentId", agentId)).getDeletedCount();
    }

    private static Bson ofAgent(String agentId, String passageId) {
        return and(eq("_id", passageId), eq("agentId", agentId));
    }
}
