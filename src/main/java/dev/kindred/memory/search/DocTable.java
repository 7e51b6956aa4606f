package dev.kindred.memory.search;

import dev.kindred.memory.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the filters need per document, column by column: its key, time, role and tags (interned as
 * small integers), and whether it was removed. Not thread-safe: {@link HybridIndex} locks.
 */
final class DocTable<K> {
    private static final int[] NO_TAGS = new int[0];
    private static final byte NO_ROLE = -1;

    private final List<K> keys = new ArrayList<>();
    private final Map<K, Integer> ordinals = new HashMap<>();
    private final Map<String, Integer> tagIds = new HashMap<>();
    private final BitSet removed = new BitSet();
    private long[] times = new long[16];
    private byte[] roles = new byte[16];
    private int[][] tags = new int[16][];

    boolean contains(K key) {
        return ordinals.containsKey(key);
    }

    /** The document number of a key that is indexed and not removed, or -1. */
    int ordinal(K key) {
        Integer doc = ordinals.get(key);
        return doc == null || removed.get(doc) ? -1 : doc;
    }

    int add(K key, Instant createdAt, @Nullable Role role, List<String> docTags) {
        int doc = keys.size();
        if (doc == times.length) {
            times = Arrays.copyOf(times, doc * 2);
            roles = Arrays.copyOf(roles, doc * 2);
            tags = Arrays.copyOf(tags, doc * 2);
        }
        keys.add(key);
        ordinals.put(key, doc);
        times[doc] = createdAt.toEpochMilli();
        roles[doc] = role == null ? NO_ROLE : (byte) role.ordinal();
        tags[doc] = docTags.isEmpty()
                ? NO_TAGS
                : docTags.stream()
                        .distinct()
                        .mapToInt(t -> tagIds.computeIfAbsent(t, x -> tagIds.size()))
                        .sorted()
                        .toArray();
        return doc;
    }

    boolean remove(K key) {
        Integer doc = ordinals.get(key);
        if (doc == null || removed.get(doc)) {
            return false;
        }
        removed.set(doc);
        return true;
    }

    K key(int doc) {
        return keys.get(doc);
    }

    long millis(int doc) {
        return times[doc];
    }

    int size() {
        return keys.size();
    }

    int live() {
        return keys.size() - removed.cardinality();
    }

    /**
     * The documents that are not removed and match the times, roles and tags asked for. A tag the
     * table has never seen (id -1) matches no document. Without tags, times or roles to match, no
     * document's time or role is read: over 100k documents that is a megabyte of memory a search.
     */
    DocSet filter(
            List<String> wantedTags, boolean matchAll, @Nullable Instant from, @Nullable Instant to, Set<Role> wanted) {
        long fromMillis = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long toMillis = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        int roleMask = wanted.stream().mapToInt(r -> 1 << r.ordinal()).reduce(0, (a, b) -> a | b);
        int[] wantedIds = wantedTags.stream()
                .distinct()
                .mapToInt(t -> tagIds.getOrDefault(t, -1))
                .toArray();
        int size = size();
        if (fromMillis == Long.MIN_VALUE && toMillis == Long.MAX_VALUE && roleMask == 0 && wantedIds.length == 0) {
            return DocSet.all(size).minus(removed);
        }
        DocSet accepted = DocSet.none(size);
        for (int doc = 0; doc < size; doc++) {
            if (!removed.get(doc)
                    && times[doc] >= fromMillis
                    && times[doc] < toMillis
                    && (roleMask == 0 || (roles[doc] != NO_ROLE && (roleMask & 1 << roles[doc]) != 0))
                    && (wantedIds.length == 0 || tagsMatch(tags[doc], wantedIds, matchAll))) {
                accepted.add(doc);
            }
        }
        return accepted;
    }

    private static boolean tagsMatch(int[] docTags, int[] wanted, boolean matchAll) {
        for (int tag : wanted) {
            boolean has = tag >= 0 && Arrays.binarySearch(docTags, tag) >= 0;
            if (has != matchAll) {
                return has;
            }
        }
        return matchAll;
    }
}
