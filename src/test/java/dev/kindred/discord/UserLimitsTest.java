package dev.kindred.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.model.MutableClock;
import dev.kindred.model.Usage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserLimitsTest {
    /** A clock the test moves by hand. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T23:59:00Z"));

    @Test
    void messagesBeyondThePerMinuteLimitAreRefusedUntilTheMinuteHasPassed() {
        UserLimits limits = new UserLimits(2, 0, clock);

        assertThat(limits.admit("u")).isEqualTo(UserLimits.Verdict.OK);
        assertThat(limits.admit("u")).isEqualTo(UserLimits.Verdict.OK);
        assertThat(limits.admit("u")).isEqualTo(UserLimits.Verdict.TOO_FAST);
        assertThat(limits.admit("someone else")).isEqualTo(UserLimits.Verdict.OK);
        clock.advance(Duration.ofSeconds(61));
        assertThat(limits.admit("u")).isEqualTo(UserLimits.Verdict.OK);
    }

    @Test
    void theDailyTokenBudgetStopsAUserUntilTheNextUtcDay() {
        UserLimits limits = new UserLimits(100, 1_000, clock);

        limits.charge("u", new Usage(600, 100, 0, 300));

        assertThat(limits.tokensToday("u")).isEqualTo(1_000);
        assertThat(limits.admit("u")).isEqualTo(UserLimits.Verdict.OVER_BUDGET);
        clock.advance(Duration.ofMinutes(2));
        assertThat(limits.tokensToday("u")).isZero();
        assertThat(limits.admit("u")).isEqualTo(UserLimits.Verdict.OK);
    }

    @Test
    void aZeroBudgetMeansNoBudget() {
        UserLimits limits = new UserLimits(100, 0, clock);

        limits.charge("u", new Usage(1_000_000, 0, 0, 1_000_000));

        assertThat(limits.admit("u")).isEqualTo(UserLimits.Verdict.OK);
    }
}
