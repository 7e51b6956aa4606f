package dev.kindred.memory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Archival memory as the agent and the commands see it: insert (embedded and indexed) and search. */
public interface ArchivalMemory {
    /** Stores a passage; {@code channelId} is the server channel it comes from (null outside servers). */
    Passage insert(String agentId, String text, List<String> tags, String source, @Nullable String channelId);

    /** Stores a passage that comes from no server channel (a DM, the console, a benchmark). */
    default Passage insert(String agentId, String text, List<String> tags, String source) {
        return insert(agentId, text, tags, source, null);
    }

    List<SearchHit<Passage>> search(String agentId, SearchQuery query);

    boolean delete(String agentId, String passageId);

    /** Drops the agent's in-memory index (after an erasure or a deletion). */
    void evict(String agentId);
}
