package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.model.Usage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PendingUsageTest {
    private static final int CALLS = 500;

    private final PendingUsage pending = new PendingUsage();
    private final List<String> written = new CopyOnWriteArrayList<>();

    private PendingUsage noted() {
        for (int i = 0; i < CALLS; i++) {
            pending.record("agent-" + i, "test/tiny", new Usage(i, 0, 0, 1));
        }
        return pending;
    }

    @Test
    void twoLanesWritingAtOnceWriteEachCallOnce() {
        noted();
        UsageMeter slowStore = (agentId, model, used) -> {
            Thread.yield(); // a round trip, during which the other lane looks at the queue
            written.add(agentId);
        };

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> pending.writeTo(slowStore));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> pending.writeTo(slowStore));
        CompletableFuture.allOf(one, two).join();

        assertThat(written).hasSize(CALLS).doesNotHaveDuplicates();
    }

    @Test
    void aCallWhoseWriteFailedIsWrittenTheNextTime() {
        noted();
        AtomicInteger attempts = new AtomicInteger();
        UsageMeter flaky = (agentId, model, used) -> {
            if (attempts.incrementAndGet() == 3) {
                throw new IllegalStateException("usage store unavailable");
            }
            written.add(agentId);
        };

        assertThatThrownBy(() -> pending.writeTo(flaky)).hasMessageContaining("unavailable");
        pending.writeTo(flaky);

        assertThat(written).hasSize(CALLS).doesNotHaveDuplicates();
    }
}
