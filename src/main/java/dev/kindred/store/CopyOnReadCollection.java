package dev.kindred.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, handing out copies of the documents it stores. Its update writes
 * the new fields one by one into the document its query found, and only then stores the new one; a
 * reader encodes the documents its query found after the collection's lock is released. Sharing one
 * instance, a reader could see the first fields updated and the next not yet: measured, a block read
 * back with the version and author of one edit and the value of the edit before it, a few times a
 * second with six writers and six readers on one block. A compare-and-set on that version would then
 * overwrite the newer value. With copies an update only changes its own copy, and a stored document
 * is replaced whole.
 *
 * <p>It does not track its data size either: the library would BSON-encode every document written
 * (a 384-number vector too) to add up a figure only {@code collStats} reports, and Kindred never
 * asks for it.
 */
final class CopyOnReadCollection extends H2Collection {
    CopyOnReadCollection(
            MongoDatabase database,
            String name,
            CollectionOptions options,
            MVMap<Object, Document> documents,
            MVMap<String, Object> meta,
            CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored == null ? null : stored.cloneDeeply();
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** A scan's matches, copied (it matches on the stored documents, which nothing changes in place). */
    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int numberToReturn, int batchSize, Document fields) {
        QueryResult found = super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fields);
        List<Document> copies = new ArrayList<>();
        for (Document document : found) {
            copies.add(document.cloneDeeply());
        }
        return new QueryResult(copies, found.getCursorId());
    }
}
