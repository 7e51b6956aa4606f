package dev.kindred.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryingChatModelTest {
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(20));

    /** Answers with the scripted failures first, then success; remembers which models were asked. */
    private static final class ScriptedModel implements ChatModel {
        final Deque<ModelException> failures = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        ScriptedModel failing(ModelException... errors) {
            failures.addAll(List.of(errors));
            return this;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            asked.add(request.model());
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            return new ChatResponse("ok", List.of(), StopReason.END_TURN, Usage.ZERO, request.model());
        }
    }

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = waits::add;

    @Test
    void retriableFailuresBackOffExponentiallyWithJitter() {
        ScriptedModel model = new ScriptedModel()
                .failing(
                        ModelException.retriable("500", null),
                        ModelException.retriable("502", null),
                        ModelException.retriable("cut", null));

        ChatResponse response = retrying(model).chat(request("anthropic/a"));

        assertThat(response.text()).isEqualTo("ok");
        assertThat(model.asked).hasSize(4);
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void retryAfterIsHonoured() {
        ScriptedModel model = new ScriptedModel().failing(rateLimited(Duration.ofSeconds(7)));
        retrying(model).chat(request("anthropic/a"));
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterLongerThanTheCapStopsRetrying() {
        ScriptedModel model = new ScriptedModel().failing(rateLimited(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> retrying(model).chat(request("anthropic/a"))).hasMessageContaining("429");
        assertThat(model.asked).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void fatalFailuresAreNotRetried() {
        ScriptedModel model =
                new ScriptedModel().failing(ModelException.fatal("the API key for anthropic was rejected (401)"));
        assertThatThrownBy(() -> retrying(model).chat(request("anthropic/a"))).hasMessageContaining("401");
        assertThat(model.asked).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttempts() {
        ScriptedModel model = new ScriptedModel();
        for (int i = 0; i < 10; i++) {
            model.failing(ModelException.retriable("overloaded " + i, null));
        }
        assertThatThrownBy(() -> retrying(model).chat(request("anthropic/a"))).hasMessage("overloaded 3");
        assertThat(model.asked).hasSize(4);
        assertThat(waits).hasSize(3);
    }

    @Test
    void fallbackModelIsUsedAfterRetriesAreExhausted() {
        ScriptedModel model = new ScriptedModel();
        for (int i = 0; i < 4; i++) {
            model.failing(ModelException.retriable("overloaded", null));
        }

        ChatResponse response = retrying(model).chat(request("anthropic/a"), Optional.of("openai/b"));

        assertThat(response.model()).isEqualTo("openai/b");
        assertThat(model.asked).containsExactly("anthropic/a", "anthropic/a", "anthropic/a", "anthropic/a", "openai/b");
    }

    @Test
    void failedFallbackKeepsTheFirstFailureAsSuppressed() {
        ScriptedModel model = new ScriptedModel()
                .failing(ModelException.fatal("model a is not known"), ModelException.fatal("key for b rejected"));
        assertThatThrownBy(() -> retrying(model).chat(request("anthropic/a"), Optional.of("openai/b")))
                .hasMessage("key for b rejected")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .containsExactly("model a is not known"));
    }

    @Test
    void backoffIsCappedAtMaxBackoff() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(4));
        assertThat(policy.backoff(9, new Random(1))).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    private RetryingChatModel retrying(ChatModel model) {
        return new RetryingChatModel(model, POLICY, sleeper, new Random(42));
    }

    private static ModelException rateLimited(Duration wait) {
        return new ModelException(
                ModelException.Kind.RATE_LIMITED, "anthropic is rate limiting requests (429)", wait, null);
    }

    private static ChatRequest request(String model) {
        return new ChatRequest(model, List.of(), List.of(), List.of(ChatMessage.user("hi")), 50);
    }
}
