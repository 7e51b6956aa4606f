package dev.kindred.store;

import dev.kindred.memory.MessageStore;

class MongoMessageStoreTest extends EmbeddedStorageFixture implements MessageStoreContract {
    @Override
    public MessageStore messages() {
        return storage().messages();
    }
}
