package dev.kindred.memory.search;

import dev.kindred.memory.Role;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One document as the index takes it: the keyword text, its vector (null until it is embedded), what
 * the filters test, and who said it (recall only).
 */
record IndexedDoc<K>(
        K key,
        String text,
        float @Nullable [] vector,
        Instant createdAt,
        @Nullable Role role,
        List<String> tags,
        @Nullable String speaker) {
    IndexedDoc {
        tags = List.copyOf(tags);
    }
}
