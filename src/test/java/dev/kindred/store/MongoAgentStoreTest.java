package dev.kindred.store;

import dev.kindred.memory.AgentStore;

class MongoAgentStoreTest extends EmbeddedStorageFixture implements AgentStoreContract {
    @Override
    public AgentStore agents() {
        return storage().agents();
    }
}
