package dev.kindred.memory;

import java.util.List;
import java.util.Optional;

/** Recall memory: every message of every agent, kept for good, ordered by sequence number. */
public interface MessageStore {

    /**
     * Appends with the next sequence number. When {@code message.sourceId()} is already stored for
     * this agent, nothing is written and the stored message is returned.
     */
    Message append(NewMessage message);

    Optional<Message> bySource(String agentId, String sourceId);

    /** Messages with {@code fromSeq <= seq <= toSeq}, in order. */
    List<Message> range(String agentId, long fromSeq, long toSeq);

    /** The newest {@code limit} messages, in order (oldest first). */
    List<Message> latest(String agentId, int limit);

    /** 0 when the agent has no message. */
    long lastSeq(String agentId);

    long count(String agentId);

    /** Replaces a message's text by a tombstone, keeping its sequence number. */
    void erase(String agentId, long seq);

    /** Deletes every message of the agent (when the agent itself is deleted). */
    long deleteAll(String agentId);
}
