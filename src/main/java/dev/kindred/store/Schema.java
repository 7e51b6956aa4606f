package dev.kindred.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Collection names and the indexes created at start-up. Unique indexes carry correctness (they are
 * enforced by the embedded server too, including compound and multikey ones); lookup indexes only
 * speed up queries, and the embedded server ignores them, so they are created on a real server only.
 * No partial indexes: the embedded server ignores {@code partialFilterExpression} and would treat
 * such an index as a full unique index.
 */
final class Schema {
    static final String AGENTS = "agents";
    static final String BLOCKS = "blocks";
    static final String BLOCK_HISTORY = "block_history";
    static final String MESSAGES = "messages";
    static final String COUNTERS = "counters";
    static final String PASSAGES = "passages";
    static final String BINDINGS = "bindings";
    static final String MESSAGE_VECTORS = "message_vectors";

    private Schema() {}

    static void createIndexes(MongoDatabase database, boolean withLookupIndexes) {
        unique(database, AGENTS, "scopeKey", "nameKey");
        unique(database, BLOCKS, "agentIds", "memberId", "label");
        unique(database, BLOCK_HISTORY, "blockId", "version");
        unique(database, MESSAGES, "agentId", "seq");
        unique(database, MESSAGES, "agentId", "dedupKey");
        if (withLookupIndexes) {
            lookup(database, MESSAGE_VECTORS, "agentId");
            lookup(database, PASSAGES, "agentId", "createdAt");
            lookup(database, BINDINGS, "agentId");
            lookup(database, BINDINGS, "guildId");
        }
    }

    private static void unique(MongoDatabase database, String collection, String... fields) {
        database.getCollection(collection).createIndex(Indexes.ascending(fields), new IndexOptions().unique(true));
    }

    private static void lookup(MongoDatabase database, String collection, String... fields) {
        database.getCollection(collection).createIndex(Indexes.ascending(fields));
    }
}
