package dev.kindred.model;

import dev.kindred.config.ModelsConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries above the adapters, once for all providers: retriable and rate-limited failures are
 * tried again with backoff, fatal ones are not. An optional fallback model gets its own attempts
 * after the first model has failed for good.
 */
public final class RetryingChatModel implements ChatModel {
    private static final Logger log = LoggerFactory.getLogger(RetryingChatModel.class);

    private final ChatModel delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public RetryingChatModel(ChatModel delegate, RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.delegate = delegate;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Retries as configured, with real sleeps and jitter: what production wires around the router. */
    public static RetryingChatModel around(ChatModel delegate, ModelsConfig config) {
        return new RetryingChatModel(delegate, RetryPolicy.from(config), Sleeper.SYSTEM, new SplittableRandom());
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return withRetries(request);
    }

    /**
     * Tries {@code request.model()}, then {@code fallbackModel} if that failed for any reason (a
     * fatal failure such as an unknown model or a rejected key can be fixed by another provider).
     *
     * @throws ModelException the fallback's failure, with the first model's as a suppressed exception
     */
    public ChatResponse chat(ChatRequest request, Optional<String> fallbackModel) {
        try {
            return withRetries(request);
        } catch (ModelException first) {
            if (fallbackModel.isEmpty() || fallbackModel.get().equals(request.model())) {
                throw first;
            }
            log.warn("{} failed ({}), falling back to {}", request.model(), first.getMessage(), fallbackModel.get());
            try {
                return withRetries(request.withModel(fallbackModel.get()));
            } catch (ModelException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private ChatResponse withRetries(ChatRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.chat(request);
            } catch (ModelException e) {
                Duration wait = waitBeforeRetry(e, attempt);
                log.info(
                        "{} failed on attempt {} of {} ({}), retrying in {} ms",
                        request.model(),
                        attempt,
                        policy.maxAttempts(),
                        e.getMessage(),
                        wait.toMillis());
                sleep(wait, e);
            }
        }
    }

    /** @throws ModelException {@code e} itself when no retry should follow */
    private Duration waitBeforeRetry(ModelException e, int attempt) {
        if (!e.isRetriable() || attempt >= policy.maxAttempts()) {
            throw e;
        }
        Optional<Duration> retryAfter = e.retryAfter();
        if (retryAfter.isPresent() && !policy.honours(retryAfter.get())) {
            throw e;
        }
        return retryAfter.orElseGet(() -> policy.backoff(attempt, random));
    }

    private void sleep(Duration wait, ModelException cause) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(interrupted);
            throw cause;
        }
    }
}
