package dev.kindred.memory;

import java.util.List;

/**
 * Recall memory as the agent sees it: every message is appended through here, so the search index
 * stays in step with the store.
 */
public interface RecallMemory {
    Message append(NewMessage message);

    List<SearchHit<Message>> search(String agentId, SearchQuery query);

    /** Drops the agent's in-memory index (after an erasure or a deletion). */
    void evict(String agentId);
}
