package dev.kindred.model;

import java.util.List;

/** Where model usage is kept, summed per agent, UTC day and model. */
public interface UsageStore {
    /** Adds one call's usage to its day's total; safe when called concurrently. */
    void record(UsageRecord call);

    /** The agent's daily totals, one record per day and model, oldest first. */
    List<UsageRecord> history(String agentId);
}
