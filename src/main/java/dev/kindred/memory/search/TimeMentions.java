package dev.kindred.memory.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar days, months and years a query names ("on 25 May, 2022", "May 25th 2022", "in July
 * 2023", "in 2022"), as spans of epoch milliseconds in UTC. A day mentioned is widened by a day on
 * each side, so a time zone or "yesterday" does not push the message it asks about outside.
 */
final class TimeMentions {
    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b" + DAY + "\\s+" + MONTH + ",?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_YEAR =
            Pattern.compile("\\b" + MONTH + ",?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_ALONE = Pattern.compile("\\b" + YEAR + "\\b");

    record Span(long fromMillis, long toMillis) {
        boolean contains(long millis) {
            return millis >= fromMillis && millis < toMillis;
        }
    }

    private TimeMentions() {}

    /** Each mention is read once, the most precise reading first. */
    static List<Span> in(String text) {
        List<Span> spans = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        take(rest, DAY_MONTH_YEAR, m -> day(m.group(3), m.group(2), m.group(1)), spans);
        take(rest, MONTH_DAY_YEAR, m -> day(m.group(3), m.group(1), m.group(2)), spans);
        take(rest, MONTH_YEAR, m -> month(m.group(2), m.group(1)), spans);
        take(rest, YEAR_ALONE, m -> year(m.group(1)), spans);
        return spans;
    }

    /**
     * Blanks out what it read, so "May 2022" inside "25 May 2022" is not read again. An impossible
     * date ("31 February 2023") is left for the less precise readings.
     */
    private static void take(StringBuilder text, Pattern pattern, Function<Matcher, Span> reading, List<Span> spans) {
        Matcher match = pattern.matcher(text);
        while (match.find()) {
            try {
                spans.add(reading.apply(match));
                text.replace(match.start(), match.end(), " ".repeat(match.end() - match.start()));
            } catch (DateTimeException impossible) {
                // the month or year alone may still be read
            }
        }
    }

    private static Span day(String year, String month, String day) {
        LocalDate date = LocalDate.of(Integer.parseInt(year), month(month), Integer.parseInt(day));
        return span(date.minusDays(1), date.plusDays(2));
    }

    private static Span month(String year, String month) {
        LocalDate first = LocalDate.of(Integer.parseInt(year), month(month), 1);
        return span(first, first.plusMonths(1));
    }

    private static Span year(String year) {
        LocalDate first = LocalDate.of(Integer.parseInt(year), 1, 1);
        return span(first, first.plusYears(1));
    }

    /** The first three letters tell the twelve months apart. */
    private static Month month(String name) {
        String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static Span span(LocalDate from, LocalDate to) {
        return new Span(
                from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    }
}
