package dev.kindred.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique-index key of the embedded server, held as the bytes H2 stores it as: the Java serialisation
 * of mongo-java-server's {@link KeyValue}. Ordered by {@link SerializedIndexKeyType}, which compares
 * these bytes as H2's own {@link ObjectDataType} does after serialising both sides on every
 * comparison; here a key is serialised once, when it is made (a key of strings without {@code
 * ObjectOutputStream}: {@link StringKeySerialization}).
 */
final class SerializedIndexKey {
    private final byte[] bytes;

    SerializedIndexKey(byte[] bytes) {
        this.bytes = bytes;
    }

    static SerializedIndexKey of(KeyValue key) {
        byte[] bytes = StringKeySerialization.serialize(key);
        return new SerializedIndexKey(bytes != null ? bytes : ObjectDataType.serialize(key));
    }

    KeyValue keyValue() {
        return (KeyValue) ObjectDataType.deserialize(bytes);
    }

    byte[] bytes() {
        return bytes;
    }
}
