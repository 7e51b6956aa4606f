package dev.kindred.model;

/** Usage and cost summed over a period. */
public record UsageTotals(Usage usage, double costUsd) {
    public static final UsageTotals ZERO = new UsageTotals(Usage.ZERO, 0);

    public UsageTotals plus(UsageRecord record) {
        return new UsageTotals(usage.plus(record.usage()), costUsd + record.costUsd());
    }

    /** The share of input tokens served from cache, from 0 to 1. */
    public double cacheShare() {
        long total = usage.totalInput();
        return total == 0 ? 0 : (double) usage.cacheReadTokens() / total;
    }
}
