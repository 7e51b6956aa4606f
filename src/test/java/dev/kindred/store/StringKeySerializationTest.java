package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * A key of strings written directly must be byte for byte what Java serialisation writes: H2 finds
 * and orders keys by those bytes, so any difference would hide stored documents.
 */
class StringKeySerializationTest {
    @Test
    void keysOfStringsAreWrittenAsJavaSerialisationWritesThem() {
        Random random = new Random(11);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int values = 1 + random.nextInt(3);
            List<Object> key = new ArrayList<>();
            for (int v = 0; v < values; v++) {
                key.add(random.nextInt(8) == 0 ? null : randomText(random));
            }
            keys.add(new KeyValue(key));
        }
        keys.add(new KeyValue(List.of("")));
        keys.add(new KeyValue(List.of("l".repeat(300), "\u20ac".repeat(21_845))));
        keys.add(new KeyValue(List.of("agent-7:123456", new String("agent-7:123456"))));

        for (KeyValue key : keys) {
            assertThat(StringKeySerialization.serialize(key))
                    .as("key %s", key)
                    .isNotNull()
                    .isEqualTo(ObjectDataType.serialize(key));
        }
    }

    @Test
    void otherKeysAreLeftToJavaSerialisationAndStillStoredAsItWritesThem() {
        String same = "twice";
        List<KeyValue> keys = List.of(
                new KeyValue(List.of(7L)),
                new KeyValue(List.of(7.5)),
                new KeyValue(List.of("a", 1L)),
                new KeyValue(Arrays.asList(same, same)),
                new KeyValue(List.of("x".repeat(70_000))),
                new KeyValue(List.of("Ljava/util/List;")));

        for (KeyValue key : keys) {
            assertThat(StringKeySerialization.serialize(key)).as("key %s", key).isNull();
            assertThat(SerializedIndexKey.of(key).bytes()).isEqualTo(ObjectDataType.serialize(key));
        }
    }

    /** Characters from every width of modified UTF-8: NUL, ASCII, two bytes, three, and surrogate pairs. */
    private static String randomText(Random random) {
        char[] pool = {
            '\u0000', 'a', 'Z', '7', ':', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800', '\u20ac', '\uffff'
        };
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(10) == 0) {
                text.appendCodePoint(0x1F600 + random.nextInt(50));
            } else {
                text.append(pool[random.nextInt(pool.length)]);
            }
        }
        return text.toString();
    }
}
