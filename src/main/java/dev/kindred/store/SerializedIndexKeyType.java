package dev.kindred.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How H2 reads, writes and orders {@link SerializedIndexKey}s. The bytes on disk are the ones H2's
 * {@code ObjectDataType} writes for a serialised object (its tag 19, a length, the serialisation), so
 * index maps written by the stock backend open here unchanged, and the other way round.
 */
final class SerializedIndexKeyType extends BasicDataType<SerializedIndexKey> {
    static final SerializedIndexKeyType INSTANCE = new SerializedIndexKeyType();

    /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}, which is package-private there. */
    private static final byte SERIALIZED_OBJECT = 19;

    private static final int OBJECT_OVERHEAD = 32;

    private SerializedIndexKeyType() {}

    @Override
    public int getMemory(SerializedIndexKey key) {
        return OBJECT_OVERHEAD + key.bytes().length;
    }

    @Override
    public void write(WriteBuffer buffer, SerializedIndexKey key) {
        byte[] bytes = key.bytes();
        buffer.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
    }

    @Override
    public SerializedIndexKey read(ByteBuffer buffer) {
        byte tag = buffer.get();
        if (tag != SERIALIZED_OBJECT) {
            throw new IllegalStateException("an index key stored with type tag " + tag + ", not a serialised object");
        }
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return new SerializedIndexKey(bytes);
    }

    @Override
    public int compare(SerializedIndexKey a, SerializedIndexKey b) {
        return Arrays.compareUnsigned(a.bytes(), b.bytes()); // ObjectDataType.compareNotNull's order
    }

    @Override
    public SerializedIndexKey[] createStorage(int size) {
        return new SerializedIndexKey[size];
    }
}
