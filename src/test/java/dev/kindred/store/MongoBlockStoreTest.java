package dev.kindred.store;

import dev.kindred.memory.BlockStore;

class MongoBlockStoreTest extends EmbeddedStorageFixture implements BlockStoreContract, BlockBadInputContract {
    @Override
    public BlockStore blocks() {
        return storage().blocks();
    }
}
