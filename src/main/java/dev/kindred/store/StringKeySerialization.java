package dev.kindred.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.type.ObjectDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java serialisation of an index key made of strings (and nulls), written straight into bytes:
 * the bytes {@code ObjectOutputStream} writes, which H2 stores and orders a key by ({@link
 * SerializedIndexKey}), without its machinery. Warm, that machinery takes about 1 µs a key; the first
 * key after a 20 ms pause took 60 µs (measured on a two-core virtual machine), and every store round
 * trip of a turn (storing the message, reading the search hits, storing the reply) starts cold.
 *
 * <p>The constant part, the descriptions of mongo-java-server's {@code KeyValue} and of its {@code
 * ArrayList}, is taken at start-up from a key serialised the usual way, and the result is checked
 * against the usual way for a few keys. Should the library's classes ever serialise differently, the
 * check fails and every key goes the usual way.
 */
final class StringKeySerialization {
    private static final byte TC_NULL = 0x70;
    private static final byte TC_STRING = 0x74;
    private static final byte TC_BLOCKDATA = 0x77;
    private static final byte TC_ENDBLOCKDATA = 0x78;
    /** After the prefix: the list's size, a block with its capacity, then the end of that block. */
    private static final int FRAMING = 4 + 2 + 4 + 1;
    /** The one string the prefix holds as an object: a key holding this very instance would refer back to it. */
    private static final String LIST_SIGNATURE = "Ljava/util/List;";

    private static final Logger LOG = LoggerFactory.getLogger(StringKeySerialization.class);
    private static final byte @Nullable [] PREFIX = checkedPrefix();

    private StringKeySerialization() {}

    /** The key's Java serialisation; null unless it holds only strings (distinct instances) and nulls. */
    static byte @Nullable [] serialize(KeyValue key) {
        return PREFIX == null ? null : write(PREFIX, key);
    }

    private static byte @Nullable [] write(byte[] prefix, KeyValue key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(prefix.length + FRAMING + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(prefix);
            out.writeInt(key.size());
            out.writeByte(TC_BLOCKDATA);
            out.writeByte(4);
            out.writeInt(key.size());
            for (int i = 0; i < key.size(); i++) {
                Object value = key.get(i);
                if (value == null) {
                    out.writeByte(TC_NULL);
                } else if (value instanceof String s && !LIST_SIGNATURE.equals(s) && !repeated(key, i)) {
                    out.writeByte(TC_STRING);
                    out.writeUTF(s); // serialisation's own encoding of a string up to 65,535 bytes
                } else {
                    return null;
                }
            }
            out.writeByte(TC_ENDBLOCKDATA);
        } catch (UTFDataFormatException e) {
            return null; // longer: serialisation writes it as a long string
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a byte array
        }
        return bytes.toByteArray();
    }

    /** Serialisation writes an instance it has written before as a reference to it. */
    private static boolean repeated(KeyValue key, int index) {
        for (int i = 0; i < index; i++) {
            if (key.get(i) == key.get(index)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes before the list's size, if writing them this way gives the usual bytes for every sample. */
    private static byte @Nullable [] checkedPrefix() {
        byte[] probe = ObjectDataType.serialize(new KeyValue(List.of("k")));
        byte[] prefix = Arrays.copyOf(probe, probe.length - FRAMING - 4);
        List<KeyValue> samples = List.of(
                new KeyValue(List.of("k")),
                new KeyValue(List.of("agent-1:42", new String("agent-1:42"))), // equal, yet written twice
                new KeyValue(Arrays.asList("x\u0000\u00e9\u07ff\u0800\u20ac\ud83d\ude00", null)),
                new KeyValue(List.of("l".repeat(300))));
        for (KeyValue sample : samples) {
            if (!Arrays.equals(write(prefix, sample), ObjectDataType.serialize(sample))) {
                LOG.warn("index keys are Java-serialised the slow way: KeyValue no longer serialises as expected");
                return null;
            }
        }
        return prefix;
    }
}
