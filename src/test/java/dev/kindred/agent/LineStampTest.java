package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineStampTest {
    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    @Test
    void printsWhatTheFormatterPrintsAcrossYearsAndZones() {
        Random random = new Random(11);
        List<ZoneId> zones = List.of(
                ZoneId.of("UTC"),
                ZoneId.of("Asia/Kathmandu"),
                ZoneId.of("America/St_Johns"),
                ZoneId.of("Pacific/Kiritimati"));
        long from = Instant.parse("1000-01-01T12:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-30T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
            ZoneId zone = zones.get(i % zones.size());

            assertThat(LineStamp.append(new StringBuilder(), at, zone).toString())
                    .as("%s in %s", at, zone)
                    .isEqualTo(PATTERN.format(at.atZone(zone)));
        }
    }

    @Test
    void padsSmallFields() {
        assertThat(LineStamp.append(new StringBuilder("["), Instant.parse("2025-01-06T03:04:00Z"), ZoneId.of("UTC")))
                .hasToString("[Mon 2025-01-06 03:04");
    }
}
