package dev.kindred.agent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * "Mon 2025-01-06 10:00": the time in front of each user line of the window, as {@code
 * DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT)} prints it for years 1000 to 9999.
 * Every compile stamps every user line of the window again (hundreds of them on a long window, three
 * compiles a turn), and the formatter makes a string per field; this appends into the line's builder.
 */
final class LineStamp {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private LineStamp() {}

    static StringBuilder append(StringBuilder out, Instant at, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(at, zone);
        out.append(DAYS[t.getDayOfWeek().ordinal()]).append(' ');
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append(' ');
        digits(out, t.getHour(), 2).append(':');
        return digits(out, t.getMinute(), 2);
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        return out.append(value);
    }
}
