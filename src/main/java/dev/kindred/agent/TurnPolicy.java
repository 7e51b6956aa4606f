package dev.kindred.agent;

import dev.kindred.config.AgentDefaults;
import java.time.Clock;

/** The limits of a turn (steps, output tokens, context budget, debounce) and where time comes from. */
public record TurnPolicy(AgentDefaults defaults, ModelWindows windows, Clock clock) {
    /** The token budget of an agent's compiled context. */
    public int budget(String modelRef) {
        return (int) (windows.tokens(modelRef) * defaults.contextBudget());
    }
}
