package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import dev.kindred.privacy.AgentRecords;
import java.util.List;

/**
 * Erases an agent's records in the collections of {@link Schema#AGENT_RECORDS}, or of
 * {@link Schema#AGENT_STATE} only when the agent is deleted rather than erased: a document belongs to
 * the agent when its {@code agentId} is the agent's id, or its {@code _id} is (a sleeptime lease). A
 * collection that does not exist yet simply has nothing to delete.
 */
final class MongoAgentRecords implements AgentRecords {
    private final MongoDatabase database;

    MongoAgentRecords(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public long deleteAll(String agentId) {
        return deleteFrom(Schema.AGENT_RECORDS, agentId);
    }

    /** Deletes the agent's documents in {@link Schema#AGENT_STATE} (its usage stays); returns how many. */
    long deleteState(String agentId) {
        return deleteFrom(Schema.AGENT_STATE, agentId);
    }

    private long deleteFrom(List<String> collections, String agentId) {
        long deleted = 0;
        for (String collection : collections) {
            deleted += database.getCollection(collection)
                    .deleteMany(or(eq("agentId", agentId), eq("_id", agentId)))
                    .getDeletedCount();
        }
        return deleted;
    }

    /** Finished jobs only: a pending job's logs are its crash-recovery record, and it reads tombstones anyway. */
    @Override
    public long scrubRunLogs(String agentId, long fromSeq) {
        return database.getCollection(Schema.SLEEPTIME_JOBS)
                .updateMany(
                        and(eq("agentId", agentId), gte("toSeq", fromSeq), in("status", "DONE", "FAILED")),
                        Updates.combine(
                                Updates.set("steps", List.of()),
                                Updates.set("intents", List.of()),
                                Updates.set("applied", List.of()),
                                Updates.set("lastError", null)))
                .getModifiedCount();
    }
}
