package dev.kindred.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Today, the last seven days (today included) and all time, as a short text table. */
public record UsageReport(UsageTotals today, UsageTotals lastSevenDays, UsageTotals allTime) {
    private static final String ROW = "%-12s %12s %12s %10s %6s %10s%n";

    public static UsageReport of(List<UsageRecord> history, LocalDate today) {
        LocalDate weekStart = today.minusDays(6);
        UsageTotals day = UsageTotals.ZERO;
        UsageTotals week = UsageTotals.ZERO;
        UsageTotals all = UsageTotals.ZERO;
        for (UsageRecord record : history) {
            all = all.plus(record);
            if (!record.day().isBefore(weekStart) && !record.day().isAfter(today)) {
                week = week.plus(record);
            }
            if (record.day().equals(today)) {
                day = day.plus(record);
            }
        }
        return new UsageReport(day, week, all);
    }

    /** A fixed-width table for the terminal's {@code /usage}. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "period", "input", "from cache", "output", "cache", "cost"));
        row(out, "today", today);
        row(out, "last 7 days", lastSevenDays);
        row(out, "all time", allTime);
        return out.toString();
    }

    /** The same table in a code block, so Discord keeps the columns aligned. */
    public String toDiscord() {
        return "```\n" + toText() + "```";
    }

    private static void row(StringBuilder out, String label, UsageTotals totals) {
        Usage usage = totals.usage();
        out.append(String.format(
                Locale.ROOT,
                ROW,
                label,
                tokens(usage.totalInput()),
                tokens(usage.cacheReadTokens()),
                tokens(usage.outputTokens()),
                Math.round(totals.cacheShare() * 100) + "%",
                String.format(Locale.ROOT, "$%.4f", totals.costUsd())));
    }

    private static String tokens(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
