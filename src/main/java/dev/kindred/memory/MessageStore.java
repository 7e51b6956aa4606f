package dev.kindred.memory;

import java.util.List;
import java.util.Optional;

/** Recall memory: every message of every agent, kept for good, ordered by sequence number. */
public interface MessageStore {
    /** The speaker of an anonymised tombstone. */
    Speaker ANONYMOUS = new Speaker("erased", "erased");

    /**
     * Appends with the next sequence number, unless {@code message.sourceId()} is already stored for
     * this agent: then nothing is written and the result is empty. The write itself finds out; there
     * is no read before it.
     */
    Optional<Message> appendIfNew(NewMessage message);

    /** Appends like {@link #appendIfNew}; for a source already stored, returns the stored message. */
    default Message append(NewMessage message) {
        return appendIfNew(message)
                .orElseGet(() -> bySource(message.agentId(), message.sourceId()).orElseThrow());
    }

    /** Appends these in order with consecutive numbers, as {@link #append} would one by one. */
    default List<Message> appendAll(List<NewMessage> messages) {
        return messages.stream().map(this::append).toList();
    }

    Optional<Message> bySource(String agentId, String sourceId);

    /** Messages with {@code fromSeq <= seq <= toSeq}, in order. */
    List<Message> range(String agentId, long fromSeq, long toSeq);

    /** The messages with these sequence numbers (those that exist), in order: one read for a page of search hits. */
    default List<Message> bySeqs(String agentId, java.util.Collection<Long> seqs) {
        return seqs.stream()
                .sorted()
                .flatMap(seq -> range(agentId, seq, seq).stream())
                .toList();
    }

    /** The newest {@code limit} messages, in order (oldest first). */
    List<Message> latest(String agentId, int limit);

    /** 0 when the agent has no message. */
    long lastSeq(String agentId);

    long count(String agentId);

    /** Replaces a message's text by a tombstone, keeping its sequence number. */
    void erase(String agentId, long seq);

    /**
     * Erases like {@link #erase} and also forgets who said it: the tombstone's speaker becomes
     * {@link #ANONYMOUS}, so nothing in it points back to the person (a privacy erasure).
     */
    void anonymise(String agentId, long seq);

    /** The ids of the agents that keep messages of this speaker that are not erased yet. */
    List<String> agentsWithSpeaker(String speakerId);

    /** The speaker's messages in this agent that are not erased, in order. */
    List<Message> bySpeaker(String agentId, String speakerId);

    /** The agent's messages of this role with {@code seq >= fromSeq}, in order. */
    List<Message> withRole(String agentId, Role role, long fromSeq);

    /** Deletes every message of the agent (when the agent itself is deleted). */
    long deleteAll(String agentId);
}
