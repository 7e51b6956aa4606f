package dev.kindred.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bson.Document;

/**
 * Field conversions every mapper needs. BSON dates hold milliseconds, so instants are cut to
 * milliseconds before they are stored and returned: what a store hands back equals what it reads later.
 */
final class Fields {
    private Fields() {}

    static Instant now(Clock clock) {
        return millis(clock.instant());
    }

    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }

    static Instant instant(Document document, String key) {
        return document.getDate(key).toInstant();
    }

    static long longValue(Document document, String key) {
        return ((Number) document.get(key)).longValue();
    }

    static int intValue(Document document, String key) {
        return ((Number) document.get(key)).intValue();
    }
}
