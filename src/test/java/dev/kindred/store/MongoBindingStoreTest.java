package dev.kindred.store;

import dev.kindred.memory.BindingStore;

class MongoBindingStoreTest extends EmbeddedStorageFixture implements BindingStoreContract {
    @Override
    public BindingStore bindings() {
        return storage().bindings();
    }
}
