package dev.kindred.model;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failed model call. {@link #kind()} tells the retry policy what to do; the message is written for
 * the user ("the API key for anthropic was rejected") and never contains a secret.
 */
public final class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** 5xx, overloaded, timeouts, cut connections: try again. */
        RETRIABLE,
        /** 429: try again after {@link #retryAfter()} when given. */
        RATE_LIMITED,
        /** 400/401/403/404, malformed answers, unknown models: a retry will not help. */
        FATAL
    }

    private final Kind kind;
    private final transient @Nullable Duration retryAfter;

    public ModelException(Kind kind, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static ModelException fatal(String message) {
        return new ModelException(Kind.FATAL, message, null, null);
    }

    public static ModelException retriable(String message, @Nullable Throwable cause) {
        return new ModelException(Kind.RETRIABLE, message, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isRetriable() {
        return kind != Kind.FATAL;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
