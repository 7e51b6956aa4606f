package dev.kindred.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.model.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LimitNoticesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final LimitNotices notices = new LimitNotices(clock);

    @Test
    void aPersonIsToldAtMostOnceAMinute() {
        assertThat(notices.due("u")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(notices.due("u")).isFalse();
        assertThat(notices.due("someone else")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(notices.due("u")).isTrue();
    }
}
