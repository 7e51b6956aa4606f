package dev.kindred.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Passage;
import dev.kindred.memory.PassageStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

class MongoPassageStoreTest extends EmbeddedStorageFixture implements PassageStoreContract {
    @Override
    public PassageStore passages() {
        return storage().passages();
    }

    @Test
    void embeddingIsStoredAsFloat32LittleEndianBinary() {
        Passage passage = passages().insert(PassageStoreContract.passage(PassageStoreContract.freshAgent(), "x", 0));

        Document raw = storage()
                .database()
                .getCollection(Schema.PASSAGES)
                .find(eq("_id", passage.id()))
                .first();

        Binary embedding = raw.get("embedding", Binary.class);
        assertThat(embedding.getType()).isEqualTo(BsonBinarySubType.BINARY.getValue());
        assertThat(embedding.getData()).hasSize(4 * Float.BYTES);
        ByteBuffer bytes = ByteBuffer.wrap(embedding.getData()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.getFloat(0)).isEqualTo(0.6f);
        assertThat(bytes.getFloat(4)).isEqualTo(-0.8f);
    }
}
