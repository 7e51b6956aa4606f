package dev.kindred.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique-index key of the embedded server, held as the bytes H2 stores it as: the Java serialisation
 * of mongo-java-server's {@link KeyValue}. Comparing these bytes gives exactly the order H2's own
 * {@link ObjectDataType} gives a {@code KeyValue}, which serialises both sides on every comparison;
 * here a key is serialised once, when it is made.
 */
final class SerializedIndexKey implements Comparable<SerializedIndexKey> {
    private final byte[] bytes;

    SerializedIndexKey(byte[] bytes) {
        this.bytes = bytes;
    }

    static SerializedIndexKey of(KeyValue key) {
        return new SerializedIndexKey(ObjectDataType.serialize(key));
    }

    KeyValue keyValue() {
        return (KeyValue) ObjectDataType.deserialize(bytes);
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public int compareTo(SerializedIndexKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SerializedIndexKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
