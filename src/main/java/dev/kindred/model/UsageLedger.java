package dev.kindred.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Records each call's usage with its estimated cost under the UTC day, and reports it. */
public final class UsageLedger {
    private final UsageStore store;
    private final CostCalculator costs;
    private final Clock clock;

    public UsageLedger(UsageStore store, CostCalculator costs, Clock clock) {
        this.store = store;
        this.costs = costs;
        this.clock = clock;
    }

    /** @param response an answer from the router, whose model is {@code provider/model} */
    public UsageRecord record(String agentId, ChatResponse response) {
        UsageRecord call = new UsageRecord(
                agentId,
                response.model(),
                today(),
                response.usage(),
                costs.costUsd(response.model(), response.usage()));
        store.record(call);
        return call;
    }

    public UsageReport report(String agentId) {
        return UsageReport.of(store.history(agentId), today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
