package dev.kindred.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with {@link SerializedKeyIndex}es for its unique indexes and
 * {@link CopyOnReadCollection}s for its collections. The stock index keys its B-tree by {@code
 * KeyValue}, which H2 can only order by Java-serialising both sides of every comparison: most of the
 * embedded server's time and garbage on an insert went there. Maps keep their names and their bytes
 * on disk, so a data directory works with either backend.
 */
final class SerializedKeyH2Backend extends H2Backend {
    SerializedKeyH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Inner, so it reaches the store through its backend: {@code H2Database}'s constructor opens the
     * indexes before any field of a subclass is set.
     */
    private final class Database extends H2Database {
        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<SerializedIndexKey, Object> map = getMvStore()
                    .openMap(
                            getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                            new MVMap.Builder<SerializedIndexKey, Object>().keyType(SerializedIndexKeyType.INSTANCE));
            return new SerializedKeyIndex(map, indexName, keys, sparse);
        }

        /** Opens the maps {@code H2Database} opens for a collection, under the same names. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new CopyOnReadCollection(
                    this,
                    collectionName,
                    options,
                    getMvStore().openMap("databases." + namespace),
                    getMvStore().openMap("meta." + namespace),
                    getCursorRegistry());
        }
    }
}
