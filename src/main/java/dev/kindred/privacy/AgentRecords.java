package dev.kindred.privacy;

/**
 * The per-agent records that live outside the memory stores (usage, sleeptime jobs, counters and
 * leases), erased together; the store lists those collections in one place.
 */
public interface AgentRecords {
    /** Deletes every such record of the agent; returns how many. */
    long deleteAll(String agentId);
}
