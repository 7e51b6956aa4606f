package dev.kindred.sleeptime;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The lines of the status report, from the agent's recent jobs (newest first). */
final class SleeptimeStatus {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private SleeptimeStatus() {}

    static Optional<String> lastRun(List<SleeptimeJob> recent, String timezone) {
        return recent.stream()
                .filter(j -> j.status() == SleeptimeJob.Status.DONE && j.finishedAt() != null)
                .max((a, b) -> a.finishedAt().compareTo(b.finishedAt()))
                .map(j -> "last run: " + time(j.finishedAt(), timezone) + " in " + j.channelId() + " (messages "
                        + j.fromSeq() + "-" + j.toSeq() + "): " + changes(j));
    }

    /** Labels and character deltas, e.g. "human +42, persona -10", or "no changes". */
    static String changes(SleeptimeJob job) {
        Map<String, Integer> byLabel = new TreeMap<>(job.applied().stream()
                .filter(a -> !a.label().isEmpty() && !a.result().contains("\"Failed\""))
                .collect(Collectors.groupingBy(SleeptimeJob.Applied::label, Collectors.summingInt(a -> a.delta()))));
        long edits = job.applied().stream()
                .filter(a -> !a.label().isEmpty() && !a.result().contains("\"Failed\""))
                .count();
        if (edits == 0) {
            return "no changes";
        }
        return byLabel.entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getValue() >= 0 ? "+" : "") + e.getValue() + " chars")
                .collect(Collectors.joining(", "));
    }

    static Optional<String> queued(List<SleeptimeJob> recent, Instant now) {
        long pending = recent.stream()
                .filter(j -> j.status() == SleeptimeJob.Status.PENDING)
                .count();
        long running = recent.stream()
                .filter(j -> j.status() == SleeptimeJob.Status.PENDING
                        && j.leaseUntil().isAfter(now))
                .count();
        if (pending == 0) {
            return Optional.empty();
        }
        return Optional.of("queued: " + pending + " job(s), " + running + " running");
    }

    static List<String> failures(List<SleeptimeJob> recent, String timezone) {
        return recent.stream()
                .filter(j -> j.lastError() != null && j.status() != SleeptimeJob.Status.DONE)
                .map(j -> (j.status() == SleeptimeJob.Status.FAILED
                                ? "failed: "
                                : "retrying (attempt " + j.attempts() + "): ")
                        + (j.finishedAt() == null ? "" : time(j.finishedAt(), timezone) + " ")
                        + "in " + j.channelId() + " (messages " + j.fromSeq() + "-" + j.toSeq() + "): " + j.lastError())
                .toList();
    }

    private static String time(Instant at, String timezone) {
        return TIME.format(at.atZone(ZoneId.of(timezone)));
    }
}
