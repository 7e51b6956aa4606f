package dev.kindred.discord;

import dev.kindred.model.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user abuse and cost limits, in memory: messages per minute (a sliding window) and tokens per
 * UTC day (0 means no budget). A restart forgets them, which errs on the person's side.
 */
public final class UserLimits {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final long dailyTokens;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Map<String, DayTokens> spent = new ConcurrentHashMap<>();

    private record DayTokens(LocalDate day, long tokens) {}

    public enum Verdict {
        OK,
        TOO_FAST,
        OVER_BUDGET
    }

    public UserLimits(int perMinute, long dailyTokens, Clock clock) {
        this.perMinute = perMinute;
        this.dailyTokens = dailyTokens;
        this.clock = clock;
    }

    /** Counts one message for the user, unless a limit is reached. */
    public Verdict admit(String userId) {
        Instant now = clock.instant();
        if (dailyTokens > 0 && tokensToday(userId) >= dailyTokens) {
            return Verdict.OVER_BUDGET;
        }
        Deque<Instant> times = recent.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return Verdict.TOO_FAST;
            }
            times.addLast(now);
        }
        return Verdict.OK;
    }

    public void charge(String userId, Usage usage) {
        LocalDate today = today();
        long tokens = usage.totalInput() + usage.outputTokens();
        spent.merge(
                userId,
                new DayTokens(today, tokens),
                (old, add) -> old.day().equals(today) ? new DayTokens(today, old.tokens() + tokens) : add);
    }

    public long tokensToday(String userId) {
        DayTokens day = spent.get(userId);
        return day == null || !day.day().equals(today()) ? 0 : day.tokens();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
