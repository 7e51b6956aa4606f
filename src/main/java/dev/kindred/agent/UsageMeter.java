package dev.kindred.agent;

import dev.kindred.model.Usage;

/** Records what every model call used, for cost reports and per-user budgets. */
public interface UsageMeter {
    void record(String agentId, String model, Usage usage);
}
