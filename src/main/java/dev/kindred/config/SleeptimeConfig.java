package dev.kindred.config;

import java.time.Duration;

/** Sleeptime defaults for new agents and the runner's pool, lease and retry policy. */
public record SleeptimeConfig(
        boolean enabled, int frequency, String model, int workers, Duration lease, int maxAttempts) {
    public SleeptimeConfig {
        Require.between("sleeptime.frequency", frequency, 1, 1_000);
        Require.between("sleeptime.workers", workers, 1, 16);
        Require.positive("sleeptime.lease", lease);
        Require.between("sleeptime.max-attempts", maxAttempts, 1, 20);
    }
}
