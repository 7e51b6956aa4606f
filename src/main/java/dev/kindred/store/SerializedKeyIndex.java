package dev.kindred.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * A unique index of the embedded server (every collection's {@code _id}, and each unique index),
 * stored as mongo-java-server's {@code H2UniqueIndex} stores it but keyed by {@link SerializedIndexKey}:
 * an insert or lookup serialises its key once instead of twice per B-tree comparison.
 *
 * <p>An insert asks for the same key three times in a row (the collection's check, the check inside
 * {@code add}, then the put), and each time Java-serialised it again: about 1 µs back to back, 41 µs
 * after a 20 ms pause (measured on a two-core virtual machine), and a turn inserts four documents
 * under two unique indexes. So the last key serialised is remembered with its bytes.
 */
final class SerializedKeyIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<SerializedIndexKey, Object> map;
    private volatile @Nullable Serialized last;

    /** A key and its bytes; only keys of immutable values are remembered, so equal keys serialise alike. */
    private record Serialized(KeyValue key, SerializedIndexKey bytes) {}

    SerializedKeyIndex(MVMap<SerializedIndexKey, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(serialized(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(serialized(key), Missing.ofNullable(position)) == null;
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
        return map.get(serialized(key));
    }

    private SerializedIndexKey serialized(KeyValue key) {
        Serialized remembered = last;
        if (remembered != null && remembered.key().equals(key)) {
            return remembered.bytes();
        }
        SerializedIndexKey bytes = SerializedIndexKey.of(key);
        for (Object value : key) {
            if (!immutable(value)) {
                return bytes;
            }
        }
        last = new Serialized(key, bytes);
        return bytes;
    }

    /** Values whose equal instances have equal serialised forms and cannot change afterwards. */
    private static boolean immutable(Object value) {
        return value == null
                || value instanceof String
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Double
                || value instanceof Boolean;
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
