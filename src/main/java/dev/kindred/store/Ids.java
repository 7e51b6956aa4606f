package dev.kindred.store;

import java.util.UUID;

/** Document ids are random UUID strings: readable, and no coordination between processes. */
final class Ids {
    private Ids() {}

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
