package dev.kindred.privacy;

/**
 * The per-agent records that live outside the memory stores (usage, sleeptime jobs, counters and
 * leases), erased together; the store lists those collections in one place.
 */
public interface AgentRecords {
    /** Deletes every such record of the agent; returns how many. */
    long deleteAll(String agentId);

    /**
     * Clears the logs of finished background runs (sleeptime) of the agent that read its messages
     * from {@code fromSeq} on: the model's notes and tool arguments may quote them. Returns how many.
     */
    long scrubRunLogs(String agentId, long fromSeq);
}
