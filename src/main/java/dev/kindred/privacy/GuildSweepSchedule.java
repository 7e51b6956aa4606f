package dev.kindred.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server sweep once at start-up and then every day on the given executor. A failed sweep is
 * logged and tried again the next day; its departures stay recorded until it succeeds.
 */
public final class GuildSweepSchedule {
    public static final Duration EVERY = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(GuildSweepSchedule.class);

    private final PrivacyService privacy;
    private final Clock clock;

    public GuildSweepSchedule(PrivacyService privacy, Clock clock) {
        this.privacy = privacy;
        this.clock = clock;
    }

    public ScheduledFuture<?> start(ScheduledExecutorService executor) {
        return executor.scheduleWithFixedDelay(this::runOnce, 0, EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    void runOnce() {
        try {
            privacy.sweep(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("the daily sweep of departed servers failed; it runs again tomorrow", e);
        }
    }
}
