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
        return record(agentId, response.model(), response.usage());
    }

    /** @param model {@code provider/model}, as the router names it in its answers */
    public UsageRecord record(String agentId, String model, Usage usage) {
        UsageRecord call = new UsageRecord(agentId, model, today(), usage, costs.costUsd(model, usage));
        store.record(call);
        return call;
    }

    /** The report as the terminal shows it. */
    public String reportText(String agentId) {
        return report(agentId).toText();
    }

    public UsageReport report(String agentId) {
        return UsageReport.of(store.history(agentId), today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
