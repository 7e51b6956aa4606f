package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentStore;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoAgentStoreTest extends EmbeddedStorageFixture implements AgentStoreContract {
    @Override
    public AgentStore agents() {
        return storage().agents();
    }

    @Test
    void deletingAnAgentDeletesItsVectorsAndSleeptimeRecordsButKeepsItsUsage() {
        Agent agent = agents().create(AgentStoreContract.newAgent(AgentStoreContract.freshScope(), "Luna"));
        String other = "agent-" + UUID.randomUUID();
        storage().messageVectors().put(agent.id(), 1, new float[] {1f, 0f});
        storage().messageVectors().put(other, 1, new float[] {1f, 0f});
        insert("sleeptime_jobs", new Document("agentId", agent.id()).append("intents", "a quoted edit"));
        insert("sleeptime_counters", new Document("_id", agent.id() + "|chan").append("agentId", agent.id()));
        insert("sleeptime_leases", new Document("_id", agent.id()));
        insert("usage", new Document("agentId", agent.id()).append("inputTokens", 100));

        agents().delete(agent.id());

        assertThat(count("message_vectors", agent.id())).isZero();
        assertThat(count("sleeptime_jobs", agent.id())).isZero();
        assertThat(count("sleeptime_counters", agent.id())).isZero();
        assertThat(storage()
                        .database()
                        .getCollection("sleeptime_leases")
                        .countDocuments(new Document("_id", agent.id())))
                .isZero();
        assertThat(count("usage", agent.id())).isEqualTo(1);
        assertThat(count("message_vectors", other)).isEqualTo(1);
    }

    private void insert(String collection, Document document) {
        storage().database().getCollection(collection).insertOne(document);
    }

    private long count(String collection, String agentId) {
        return storage().database().getCollection(collection).countDocuments(new Document("agentId", agentId));
    }
}
