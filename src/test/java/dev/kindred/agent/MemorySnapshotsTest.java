package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Block;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemorySnapshotsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final MemorySnapshots snapshots = new MemorySnapshots(Duration.ofMinutes(5), Duration.ofMinutes(30));

    private static Block human(long version, String value, String author) {
        return new Block("b1", "human", value, 100, "", false, version, Set.of("a1"), null, author, T0);
    }

    private String section(List<Block> blocks, long windowStart, Instant at) {
        return snapshots.section(
                "a1", blocks, windowStart, at, () -> "rendered:" + blocks.get(0).value());
    }

    @Test
    void aSleeptimeEditWaitsWhileTheCacheIsWarm() {
        section(List.of(human(1, "v1", "system")), 1, T0);

        String next = section(List.of(human(2, "v2", "sleeptime")), 1, T0.plusSeconds(60));

        assertThat(next).isEqualTo("rendered:v1");
    }

    @Test
    void sleeptimeEditsSeenOneAtATimeKeepWaiting() {
        section(List.of(human(1, "v1", "system")), 1, T0);
        section(List.of(human(2, "v2", "sleeptime")), 1, T0.plusSeconds(60));

        assertThat(section(List.of(human(3, "v3", "sleeptime")), 1, T0.plusSeconds(120)))
                .isEqualTo("rendered:v1");
    }

    @Test
    void aUserEditThatASleeptimeEditFollowedShowsAtOnce() {
        section(List.of(human(1, "v1", "system")), 1, T0);

        // version 2 by user:42, then version 3 by sleeptime, both between two compiles
        assertThat(section(List.of(human(3, "v3", "sleeptime")), 1, T0.plusSeconds(60)))
                .isEqualTo("rendered:v3");
    }

    @Test
    void aUserOrAgentEditShowsAtOnce() {
        section(List.of(human(1, "v1", "system")), 1, T0);

        assertThat(section(List.of(human(2, "v2", "user:42")), 1, T0.plusSeconds(1)))
                .isEqualTo("rendered:v2");
        assertThat(section(List.of(human(3, "v3", "agent")), 1, T0.plusSeconds(2)))
                .isEqualTo("rendered:v3");
    }

    @Test
    void aSleeptimeEditShowsOnceTheCacheHasExpired() {
        section(List.of(human(1, "v1", "system")), 1, T0);
        section(List.of(human(2, "v2", "sleeptime")), 1, T0.plusSeconds(60));

        String afterPause = section(List.of(human(2, "v2", "sleeptime")), 1, T0.plusSeconds(60 + 301));

        assertThat(afterPause).isEqualTo("rendered:v2");
    }

    @Test
    void aSleeptimeEditShowsWhenTheWindowMovesOrTheSnapshotIsTooOld() {
        section(List.of(human(1, "v1", "system")), 1, T0);
        assertThat(section(List.of(human(2, "v2", "sleeptime")), 9, T0.plusSeconds(10)))
                .isEqualTo("rendered:v2");

        Instant t = T0.plusSeconds(10);
        for (int minute = 1; minute <= 29; minute++) {
            assertThat(section(List.of(human(3, "v3", "sleeptime")), 9, t.plusSeconds(60L * minute)))
                    .isEqualTo("rendered:v2");
        }
        assertThat(section(List.of(human(3, "v3", "sleeptime")), 9, t.plusSeconds(60L * 30)))
                .isEqualTo("rendered:v3");
    }
}
