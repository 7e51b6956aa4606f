package dev.kindred.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.stream.Stream;

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
    static final String PASSAGES = "passages";
    static final String BINDINGS = "bindings";
    static final String USAGE = "usage";
    static final String PRIVACY_REQUESTS = "privacy_requests";
    static final String GUILD_DEPARTURES = "guild_departures";
    static final String MESSAGE_VECTORS = "message_vectors";
    static final String SLEEPTIME_JOBS = "sleeptime_jobs";

    /**
     * Collections of per-agent records outside the memory stores that exist only for the agent, each
     * document carrying {@code agentId} (or the agent id as {@code _id}): message vectors, derived
     * from what was said, and the sleeptime state, whose jobs log edit intents with text. Deleting the
     * agent deletes its documents in all of them. A collection added for an agent's sake belongs here.
     */
    static final List<String> AGENT_STATE =
            List.of(MESSAGE_VECTORS, SLEEPTIME_JOBS, "sleeptime_counters", "sleeptime_leases");

    /**
     * What a privacy erasure of an agent deletes outside the memory stores: its state and its usage,
     * which the person's export lists. A plain deletion keeps the usage (see
     * {@link dev.kindred.memory.AgentStore#delete}).
     */
    static final List<String> AGENT_RECORDS =
            Stream.concat(Stream.of(USAGE), AGENT_STATE.stream()).toList();

    private Schema() {}

    static void createIndexes(MongoDatabase database, boolean withLookupIndexes) {
        unique(database, AGENTS, "scopeKey", "nameKey");
        unique(database, BLOCKS, "agentIds", "memberId", "label");
        unique(database, BLOCK_HISTORY, "blockId", "version");
        unique(database, MESSAGES, "agentId", "dedupKey");
        dropUniqueSeqIndex(database);
        if (withLookupIndexes) {
            lookup(database, MESSAGES, "agentId", "seq");
            lookup(database, MESSAGE_VECTORS, "agentId");
            lookup(database, PASSAGES, "agentId", "createdAt");
            lookup(database, BINDINGS, "agentId");
            lookup(database, BINDINGS, "guildId");
            lookup(database, BLOCKS, "memberId");
            lookup(database, BLOCK_HISTORY, "agentIds");
            lookup(database, BLOCK_HISTORY, "memberId");
            lookup(database, MESSAGES, "speaker.id", "erased");
            lookup(database, MESSAGES, "agentId", "role", "seq");
            lookup(database, PRIVACY_REQUESTS, "state");
            lookup(database, GUILD_DEPARTURES, "leftAt");
        }
    }

    /**
     * Earlier versions kept (agentId, seq) unique; the {@code _id} ({@code agentId:seq}) already is,
     * and on the embedded server every unique index costs each insert a serialising B-tree walk.
     */
    private static void dropUniqueSeqIndex(MongoDatabase database) {
        var messages = database.getCollection(MESSAGES);
        for (var index : messages.listIndexes()) {
            if ("agentId_1_seq_1".equals(index.getString("name")) && index.getBoolean("unique", false)) {
                messages.dropIndex("agentId_1_seq_1");
            }
        }
    }

    private static void unique(MongoDatabase database, String collection, String... fields) {
        database.getCollection(collection).createIndex(Indexes.ascending(fields), new IndexOptions().unique(true));
    }

    private static void lookup(MongoDatabase database, String collection, String... fields) {
        database.getCollection(collection).createIndex(Indexes.ascending(fields));
    }
}
