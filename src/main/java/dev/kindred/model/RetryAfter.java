package dev.kindred.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider asks us to wait: {@code retry-after} in seconds or as an HTTP date
 * (Anthropic, OpenAI and most compatible endpoints), OpenAI's {@code retry-after-ms}, or Gemini's
 * {@code RetryInfo.retryDelay} in the error body.
 */
final class RetryAfter {
    private RetryAfter() {}

    static Optional<Duration> from(HttpHeaders headers, JsonNode body, Instant now) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(RetryAfter::millis);
        if (millis.isPresent()) {
            return millis;
        }
        Optional<Duration> header = headers.firstValue("retry-after").flatMap(value -> parse(value, now));
        return header.isPresent() ? header : fromGeminiBody(body);
    }

    static Optional<Duration> parse(String value, Instant now) {
        String trimmed = value.trim();
        try {
            double seconds = Double.parseDouble(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Duration> millis(String value) {
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> fromGeminiBody(JsonNode body) {
        for (JsonNode detail : body.path("error").path("details")) {
            String delay = detail.path("retryDelay").asText("");
            if (delay.endsWith("s")) {
                return parse(delay.substring(0, delay.length() - 1), Instant.EPOCH);
            }
        }
        return Optional.empty();
    }
}
