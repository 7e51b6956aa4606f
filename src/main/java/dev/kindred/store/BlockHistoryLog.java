package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Every version of every block, in {@code block_history}; one entry per (blockId, version). */
final class BlockHistoryLog {
    private final MongoCollection<Document> history;

    BlockHistoryLog(MongoDatabase database) {
        this.history = database.getCollection(Schema.BLOCK_HISTORY);
    }

    /** Keeps the version; writing the same version twice (a retry) keeps the first. */
    void record(Block block) {
        try {
            history.insertOne(BlockDocuments.toHistory(block));
        } catch (MongoException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
        }
    }

    Optional<BlockVersion> find(String blockId, long version) {
        Document document = history.find(and(eq("blockId", blockId), eq("version", version)))
                .first();
        return Optional.ofNullable(document).map(BlockDocuments::fromHistory);
    }

    List<BlockVersion> list(String blockId) {
        return history.find(eq("blockId", blockId))
                .sort(Sorts.ascending("version"))
                .map(BlockDocuments::fromHistory)
                .into(new ArrayList<>());
    }
}
