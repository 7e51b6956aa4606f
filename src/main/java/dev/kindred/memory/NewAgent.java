package dev.kindred.memory;

import org.jspecify.annotations.Nullable;

/** What it takes to create an agent; the store assigns the id, the time and version 1. */
public record NewAgent(
        String name,
        AgentScope scope,
        String ownerId,
        String model,
        @Nullable String fallbackModel,
        String instructions,
        String timezone,
        SleeptimeSettings sleeptime) {
    public NewAgent {
        Agent.requireName(name);
    }
}
