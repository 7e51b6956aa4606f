package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.search.TimeMentions.Span;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeMentionsTest {

    @Test
    void aNamedDayCoversThatDayAndOneDayEitherSide() {
        Span expected = span("2022-05-24T00:00:00Z", "2022-05-27T00:00:00Z");

        assertThat(TimeMentions.in("What did Nate do on 25 May, 2022?")).containsExactly(expected);
        assertThat(TimeMentions.in("what happened on May 25th 2022")).containsExactly(expected);
        assertThat(TimeMentions.in("and on 25th may 2022?")).containsExactly(expected);
    }

    @Test
    void aNamedMonthOrYearCoversAllOfIt() {
        assertThat(TimeMentions.in("Where did Joanna travel in July 2022?"))
                .containsExactly(span("2022-07-01T00:00:00Z", "2022-08-01T00:00:00Z"));
        assertThat(TimeMentions.in("trips in Sept. 2021"))
                .containsExactly(span("2021-09-01T00:00:00Z", "2021-10-01T00:00:00Z"));
        assertThat(TimeMentions.in("beach visits in 2023"))
                .containsExactly(span("2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z"));
    }

    @Test
    void eachMentionIsReadOnceAtItsMostPreciseAndSeveralAreAllRead() {
        assertThat(TimeMentions.in("between 3 June 2023 and August 2023"))
                .containsExactly(
                        span("2023-06-02T00:00:00Z", "2023-06-05T00:00:00Z"),
                        span("2023-08-01T00:00:00Z", "2023-09-01T00:00:00Z"));
    }

    @Test
    void textWithoutACalendarDateNamesNoTime() {
        assertThat(TimeMentions.in("When did Melanie paint a sunrise?")).isEmpty();
        assertThat(TimeMentions.in("I may go in June")).isEmpty();
        assertThat(TimeMentions.in("room 1234 costs 300 dollars")).isEmpty();
    }

    @Test
    void anImpossibleDayFallsBackToItsMonth() {
        assertThat(TimeMentions.in("on 31 February 2023"))
                .containsExactly(span("2023-02-01T00:00:00Z", "2023-03-01T00:00:00Z"));
    }

    private static Span span(String from, String to) {
        return new Span(Instant.parse(from).toEpochMilli(), Instant.parse(to).toEpochMilli());
    }
}
