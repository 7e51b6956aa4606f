package dev.kindred.store;

import dev.kindred.memory.Passage;
import org.bson.Document;
import org.bson.types.Binary;

/** Maps archival passages to {@code passages}. */
final class PassageDocuments {
    private PassageDocuments() {}

    static Document toDocument(Passage passage) {
        return new Document("_id", passage.id())
                .append("agentId", passage.agentId())
                .append("text", passage.text())
                .append("tags", passage.tags())
                .append("embedding", Embeddings.toBinary(passage.embedding()))
                .append("createdAt", Fields.date(passage.createdAt()))
                .append("source", passage.source())
                .append("channelId", passage.channelId());
    }

    static Passage fromDocument(Document document) {
        return new Passage(
                document.getString("_id"),
                document.getString("agentId"),
                document.getString("text"),
                document.getList("tags", String.class),
                Embeddings.fromBinary(document.get("embedding", Binary.class)),
                Fields.instant(document, "createdAt"),
                document.getString("source"),
                document.getString("channelId"));
    }
}
