package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A scripted model call that holds its turn until the test lets it go: for what happens during a turn. */
final class HeldCall {
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** The script step: waits for {@link #release}, then answers. */
    Function<ChatRequest, ChatResponse> answering(Function<ChatRequest, ChatResponse> answer) {
        return request -> {
            started.countDown();
            try {
                assertThat(released.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer.apply(request);
        };
    }

    void awaitStarted() throws InterruptedException {
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    }

    void release() {
        released.countDown();
    }
}
