package dev.kindred.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;

/** Recognises a unique-index violation, whether it came from a write or from findAndModify. */
final class DuplicateKey {
    private DuplicateKey() {}

    static boolean is(MongoException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
