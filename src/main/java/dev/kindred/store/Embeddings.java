package dev.kindred.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bson.types.Binary;

/**
 * An embedding as a BSON binary (generic subtype) of float32 little-endian values: 4 bytes per
 * dimension instead of 9 for an array of doubles. The BSON vector subtype would suit Atlas, but the
 * embedded server drops the connection when it sees it.
 */
final class Embeddings {
    private Embeddings() {}

    static Binary toBinary(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return new Binary(bytes.array());
    }

    static float[] fromBinary(Binary binary) {
        byte[] data = binary.getData();
        if (data.length % Float.BYTES != 0) {
            throw new IllegalStateException("an embedding of " + data.length + " bytes is not a float32 vector");
        }
        float[] vector = new float[data.length / Float.BYTES];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
