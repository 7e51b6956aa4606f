package dev.kindred.memory;

import java.util.List;
import java.util.Optional;

/**
 * Recall memory as the agent sees it: every message is appended through here, so the search index
 * stays in step with the store.
 */
public interface RecallMemory {
    /** Appends the agent's own message (it has no source id). */
    Message append(NewMessage message);

    /** Appends a message from outside unless its source is already stored ({@link MessageStore#appendIfNew}). */
    Optional<Message> appendIfNew(NewMessage message);

    /** Appends these in order (one write where the store can), as {@link #append} would one by one. */
    default List<Message> appendAll(List<NewMessage> messages) {
        return messages.stream().map(this::append).toList();
    }

    List<SearchHit<Message>> search(String agentId, SearchQuery query);

    /** Drops the agent's in-memory index (after an erasure or a deletion). */
    void evict(String agentId);
}
