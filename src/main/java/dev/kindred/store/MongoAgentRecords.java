package dev.kindred.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoDatabase;
import dev.kindred.privacy.AgentRecords;

/**
 * Erases an agent's records in the collections of {@link Schema#AGENT_RECORDS}: a document belongs to
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
        long deleted = 0;
        for (String collection : Schema.AGENT_RECORDS) {
            deleted += database.getCollection(collection)
                    .deleteMany(or(eq("agentId", agentId), eq("_id", agentId)))
                    .getDeletedCount();
        }
        return deleted;
    }
}
