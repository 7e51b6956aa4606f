package dev.kindred.sleeptime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.agent.ReplyGate;
import dev.kindred.agent.Scheduler;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.StopReason;
import dev.kindred.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReplyGateTest {
    private static final Duration BOUND = Duration.ofSeconds(1);

    private final Timers timers = new Timers();
    private final ReplyGate gate = new ReplyGate(timers, BOUND);

    @Test
    void letsAStepThroughAtOnceWhenNoReplyIsOwed() {
        assertThat(gate.whenQuiet()).isDone();
        assertThat(timers.pending()).isEmpty();
    }

    @Test
    void holdsAStepWhileAReplyIsOwedAndLetsItGoWhenTheReplyIsGiven() {
        gate.owed();

        CompletableFuture<Void> step = gate.whenQuiet();

        assertThat(step).isNotDone();
        gate.given();
        assertThat(step).isDone();
        assertThat(timers.pending()).as("its timer is cancelled").isEmpty();
    }

    @Test
    void waitsUntilEveryOwedReplyIsGiven() {
        gate.owed();
        gate.owed();
        CompletableFuture<Void> step = gate.whenQuiet();

        gate.given();
        assertThat(step).isNotDone();
        gate.given();
        assertThat(step).isDone();
    }

    @Test
    void neverHoldsAStepLongerThanItsBound() {
        gate.owed();
        CompletableFuture<Void> step = gate.whenQuiet();

        assertThat(timers.delays).containsExactly(BOUND);
        timers.fire();

        assertThat(step).isDone();
        assertThat(gate.whenQuiet()).as("the reply is still owed").isNotDone();
    }

    @Test
    void theSleeptimeModelHandsItsAnswerOverOnlyOnceTheGateLetsItGo() throws Exception {
        ChatResponse answer = new ChatResponse("done", List.of(), StopReason.END_TURN, Usage.ZERO, "test/small");
        ChatModel model = new ReplyFirstModel(request -> answer, gate);
        gate.owed();

        ChatRequest request = new ChatRequest("test/small", List.of(), List.of(), List.of(ChatMessage.user("hi")), 64);
        CompletableFuture<ChatResponse> asked = CompletableFuture.supplyAsync(() -> model.chat(request));
        timers.awaitOne();

        assertThat(asked).isNotDone();
        gate.given();
        assertThat(asked.get()).isEqualTo(answer);
    }

    /** Timers the test fires by hand; the bound passes when the test says so. */
    private static final class Timers implements Scheduler {
        final List<Duration> delays = new ArrayList<>();
        private final List<Runnable> due = new ArrayList<>();

        @Override
        public synchronized Runnable schedule(Runnable task, Duration delay) {
            delays.add(delay);
            due.add(task);
            return () -> {
                synchronized (this) {
                    due.remove(task);
                }
            };
        }

        synchronized List<Runnable> pending() {
            return List.copyOf(due);
        }

        void fire() {
            pending().forEach(Runnable::run);
        }

        /** Waits (briefly) until a step on another thread has started waiting at the gate. */
        void awaitOne() throws InterruptedException {
            for (int i = 0; i < 500 && pending().isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertThat(pending()).hasSize(1);
        }
    }
}
