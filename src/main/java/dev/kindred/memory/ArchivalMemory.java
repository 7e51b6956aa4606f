package dev.kindred.memory;

import java.util.List;

/** Archival memory as the agent and the commands see it: insert (embedded and indexed) and search. */
public interface ArchivalMemory {
    Passage insert(String agentId, String text, List<String> tags, String source);

    List<SearchHit<Passage>> search(String agentId, SearchQuery query);

    boolean delete(String agentId, String passageId);

    /** Drops the agent's in-memory index (after an erasure or a deletion). */
    void evict(String agentId);
}
