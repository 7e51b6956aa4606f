package dev.kindred.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded server (every collection's {@code _id}, and each unique index),
 * stored as mongo-java-server's {@code H2UniqueIndex} stores it but keyed by {@link SerializedIndexKey}:
 * an insert or lookup serialises its key once instead of twice per B-tree comparison.
 */
final class SerializedKeyIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<SerializedIndexKey, Object> map;

    SerializedKeyIndex(MVMap<SerializedIndexKey, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /**
     * Adds the document's keys without checking them first: the collection has just called {@link
     * #checkAdd} on every index under its lock (or {@code checkUpdate}, for an update), and {@code
     * putIfAbsent} still refuses a key that is taken. The library's {@code add} checks again, one more
     * key extraction and B-tree walk per index and document. A sparse index keeps the library's
     * {@code add}, which knows when a document has no value to index.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (isSparse()) {
            super.add(document, position, collection);
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            if (!putKeyPosition(key, position)) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(SerializedIndexKey.of(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(SerializedIndexKey.of(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return () -> StreamSupport.stream(map.entrySet().spliterator(), false)
                .<Entry<KeyValue, Object>>map(
                        e -> new SimpleImmutableEntry<>(e.getKey().keyValue(), e.getValue()))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(SerializedIndexKey.of(key));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
