package dev.kindred.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The one place where provider failures become {@link ModelException}s: HTTP statuses, timeouts,
 * cut connections and malformed answers. Messages are written for the user and never contain the
 * API key.
 */
public final class HttpErrors {
    private static final int MAX_DETAIL = 300;

    private HttpErrors() {}

    static ModelException fromStatus(ProviderCall call, int status, HttpHeaders headers, String body, Instant now) {
        JsonNode json = parseQuietly(body);
        String provider = call.provider();
        String detail = detail(call, json, body);
        if (status == 401 || status == 403 || isRejectedKey(status, detail)) {
            return fatal(call, "the API key for " + provider + " was rejected (" + status + ")" + keyHint(call));
        }
        if (status == 404) {
            return fatal(call, "model " + call.model() + " is not known to " + provider + " (404)" + suffix(detail));
        }
        if (status == 429) {
            Duration wait = RetryAfter.from(headers, json, now).orElse(null);
            String message = provider + " is rate limiting requests (429)" + suffix(detail);
            return new ModelException(
                    ModelException.Kind.RATE_LIMITED, call.endpoint().redact(message), wait, null);
        }
        if (status == 529 || (status >= 500 && detail.toLowerCase(Locale.ROOT).contains("overloaded"))) {
            return ModelException.retriable(provider + " is overloaded (" + status + "), try again shortly", null);
        }
        if (status >= 500 || status == 408) {
            return ModelException.retriable(provider + " had a server error (" + status + ")" + suffix(detail), null);
        }
        return fatal(call, provider + " rejected the request (" + status + ")" + suffix(detail));
    }

    static ModelException fromIo(ProviderCall call, IOException e) {
        if (e instanceof HttpTimeoutException) {
            Duration timeout = call.endpoint().timeout();
            String limit = timeout.toMillis() < 1000 ? timeout.toMillis() + "ms" : timeout.toSeconds() + "s";
            return ModelException.retriable(call.provider() + " did not answer within " + limit, null);
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ModelException.retriable(
                call.endpoint().redact("the connection to " + call.provider() + " failed: " + reason), null);
    }

    public static ModelException malformed(ProviderCall call, String what) {
        return fatal(call, call.provider() + " sent a malformed answer for " + call.model() + ": " + what);
    }

    private static ModelException fatal(ProviderCall call, String message) {
        return ModelException.fatal(call.endpoint().redact(message));
    }

    /** Gemini answers a bad key with 400 INVALID_ARGUMENT rather than 401. */
    private static boolean isRejectedKey(int status, String detail) {
        return status == 400 && detail.contains("API key not valid");
    }

    private static String keyHint(ProviderCall call) {
        String env = call.endpoint().apiKeyEnv();
        return env.isEmpty() ? "" : "; check the environment variable " + env;
    }

    private static String suffix(String detail) {
        return detail.isEmpty() ? "" : ": " + detail;
    }

    /** The vendor's own explanation ({@code error.message} for all three wire formats), redacted. */
    static String detail(ProviderCall call, JsonNode json, String body) {
        JsonNode error = json.path("error");
        String text = error.isTextual() ? error.asText() : error.path("message").asText("");
        if (text.isEmpty() && !body.isBlank() && json.isMissingNode()) {
            text = body.strip();
        }
        String redacted = call.endpoint().redact(text);
        return redacted.length() > MAX_DETAIL ? redacted.substring(0, MAX_DETAIL) + "..." : redacted;
    }

    private static JsonNode parseQuietly(String body) {
        try {
            JsonNode node = new ObjectMapper().readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
