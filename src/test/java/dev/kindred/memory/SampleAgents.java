package dev.kindred.memory;

import java.time.Instant;

/** Agents built in memory, for unit tests that need one but no store. */
public final class SampleAgents {
    private SampleAgents() {}

    /** Sam, the DM companion of user 42. */
    public static Agent sam() {
        return new Agent(
                "agent-1",
                "Sam",
                AgentScope.dm("42"),
                "42",
                "test/tiny",
                null,
                "",
                "UTC",
                SleeptimeSettings.defaults(),
                ContextWindow.empty(),
                Instant.EPOCH,
                1);
    }
}
