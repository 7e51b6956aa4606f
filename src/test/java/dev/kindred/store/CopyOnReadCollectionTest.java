package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's collections hand out copies: an update must not change, field by field, a
 * document that a query already found and is still encoding for its reader (the torn read that let a
 * block be read with one edit's version and the previous edit's value).
 */
class CopyOnReadCollectionTest {
    @Test
    void aDocumentAQueryFoundIsNotChangedByALaterUpdate() {
        MVStore store = MVStore.open(null);
        try {
            MongoCollection<?> blocks = new SerializedKeyH2Backend(store)
                    .resolveDatabase("kindred")
                    .createCollectionOrThrowIfExists("blocks");
            blocks.addDocument(new Document("_id", "b1").append("value", "one").append("version", 1L));
            Document byId =
                    blocks.handleQuery(new Document("_id", "b1")).iterator().next();
            Document byScan =
                    blocks.handleQuery(new Document("value", "one")).iterator().next();

            blocks.updateDocuments(
                    new Document("_id", "b1"),
                    new Document("$set", new Document("value", "two").append("version", 2L)),
                    ArrayFilters.empty(),
                    false,
                    false,
                    NoopOplog.get());

            assertThat(byId).containsEntry("value", "one").containsEntry("version", 1L);
            assertThat(byScan).containsEntry("value", "one").containsEntry("version", 1L);
            assertThat(blocks.handleQuery(new Document("_id", "b1")).iterator().next())
                    .containsEntry("value", "two")
                    .containsEntry("version", 2L);
        } finally {
            store.close();
        }
    }
}
