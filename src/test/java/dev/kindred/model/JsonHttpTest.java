package dev.kindred.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonHttpTest {
    private final StubHttpServer server = StubHttpServer.start();
    private final JsonHttp http = new JsonHttp(HttpClient.newHttpClient(), Clock.systemUTC());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void timeoutIsRetriableAndSaysHowLongWeWaited() {
        server.enqueue(StubHttpServer.Reply.json(200, "{}").after(Duration.ofMillis(1500)));
        Endpoint endpoint =
                new Endpoint("groq", server.uri("/v1"), "gsk-1234567", "GROQ_API_KEY", Duration.ofMillis(200));
        ProviderCall call = new ProviderCall(endpoint, "llama", endpoint.resolve("/chat/completions"), Map.of());

        ModelException e = catchThrowableOfType(
                ModelException.class, () -> http.post(call, JsonNodeFactory.instance.objectNode()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.RETRIABLE);
        assertThat(e.getMessage()).isEqualTo("groq did not answer within 200ms");
    }

    @Test
    void endpointsAndCallsNeverPrintTheKey() {
        Endpoint endpoint =
                new Endpoint("openai", server.uri("/v1"), "sk-secret-value", "OPENAI_API_KEY", Duration.ofSeconds(1));
        ProviderCall call = new ProviderCall(
                endpoint, "gpt", endpoint.resolve("/x"), Map.of("authorization", "Bearer sk-secret-value"));
        assertThat(endpoint.toString()).doesNotContain("sk-secret-value").contains("[redacted]");
        assertThat(call.toString()).doesNotContain("sk-secret-value");
        assertThat(endpoint.redact("key sk-secret-value leaked")).isEqualTo("key [redacted] leaked");
    }

    @Test
    void retryAfterParsesSecondsDatesAndNonsense() {
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfter.parse("2.5", now)).contains(Duration.ofMillis(2500));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:01:00 GMT", now)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
    }
}
