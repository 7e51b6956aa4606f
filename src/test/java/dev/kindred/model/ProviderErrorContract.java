package dev.kindred.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What every adapter must do with failures, run by each adapter's test against a stub that
 * answers in that vendor's error format.
 */
public interface ProviderErrorContract {
    String KEY = "sk-test-0123456789abcdef";
    Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    StubHttpServer server();

    /** The adapter under test, pointed at {@link #server()}, with the given key. */
    ChatModel model(JsonHttp http, String apiKey);

    String provider();

    /** The vendor's error body for an HTTP status. */
    String errorBody(int status, String message);

    default JsonHttp http() {
        return new JsonHttp(HttpClient.newHttpClient(), CLOCK);
    }

    default ModelException failure() {
        ChatRequest request = new ChatRequest("some-model", List.of(), List.of(), List.of(ChatMessage.user("hi")), 100);
        return catchThrowableOfType(
                ModelException.class, () -> model(http(), KEY).chat(request));
    }

    @Test
    default void rateLimitCarriesRetryAfterInSeconds() {
        server().enqueue(StubHttpServer.Reply.json(429, errorBody(429, "slow down"))
                .withHeader("retry-after", "7"));
        ModelException e = failure();
        assertThat(e.kind()).isEqualTo(ModelException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains(provider() + " is rate limiting requests (429)");
    }

    @Test
    default void rateLimitCarriesRetryAfterAsHttpDate() {
        server().enqueue(StubHttpServer.Reply.json(429, errorBody(429, "slow down"))
                .withHeader("retry-after", "Thu, 01 Jan 2026 00:00:30 GMT"));
        assertThat(failure().retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    default void serverErrorIsRetriable() {
        server().enqueueJson(500, errorBody(500, "internal error"));
        ModelException e = failure();
        assertThat(e.kind()).isEqualTo(ModelException.Kind.RETRIABLE);
        assertThat(e.getMessage()).contains(provider() + " had a server error (500)");
    }

    @Test
    default void rejectedKeyIsFatalAndSaysSo() {
        server().enqueueJson(401, errorBody(401, "invalid key"));
        ModelException e = failure();
        assertThat(e.kind()).isEqualTo(ModelException.Kind.FATAL);
        assertThat(e.getMessage()).startsWith("the API key for " + provider() + " was rejected (401)");
    }

    @Test
    default void forbiddenIsFatal() {
        server().enqueueJson(403, errorBody(403, "no access"));
        assertThat(failure().kind()).isEqualTo(ModelException.Kind.FATAL);
    }

    @Test
    default void unknownModelIsFatalAndNamed() {
        server().enqueueJson(404, errorBody(404, "not found"));
        ModelException e = failure();
        assertThat(e.kind()).isEqualTo(ModelException.Kind.FATAL);
        assertThat(e.getMessage()).startsWith("model some-model is not known to " + provider() + " (404)");
    }

    @Test
    default void badRequestIsFatalWithTheVendorsReason() {
        server().enqueueJson(400, errorBody(400, "max_tokens is too large"));
        ModelException e = failure();
        assertThat(e.kind()).isEqualTo(ModelException.Kind.FATAL);
        assertThat(e.getMessage()).contains("(400)").contains("max_tokens is too large");
    }

    @Test
    default void malformedJsonIsFatal() {
        server().enqueueJson(200, "{\"content\": [oops");
        ModelException e = failure();
        assertThat(e.kind()).isEqualTo(ModelException.Kind.FATAL);
        assertThat(e.getMessage()).contains("malformed answer");
    }

    @Test
    default void connectionCutMidBodyIsRetriable() {
        server().enqueue(StubHttpServer.Reply.cutMidBody("{\"id\":\"x\",\"content\":[{\"type\":\"text\"}]}", 10));
        ModelException e = failure();
        assertThat(e.kind()).isEqualTo(ModelException.Kind.RETRIABLE);
        assertThat(e.getMessage()).contains("the connection to " + provider() + " failed");
    }

    @Test
    default void apiKeyNeverAppearsInMessagesOrLogs() {
        Logger logger = (Logger) LoggerFactory.getLogger(JsonHttp.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(logs);
        try {
            server().enqueueJson(400, errorBody(400, "Incorrect API key provided: " + KEY));
            ModelException e = failure();
            assertThat(e.getMessage()).contains("[redacted]").doesNotContain(KEY);
            assertThat(logs.list).isNotEmpty();
            assertThat(logs.list)
                    .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(KEY));
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(before);
        }
    }
}
