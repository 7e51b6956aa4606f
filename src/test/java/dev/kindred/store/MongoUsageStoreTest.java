package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.kindred.model.Usage;
import dev.kindred.model.UsageRecord;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoUsageStoreTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private MongoServer server;
    private MongoClient client;
    private MongoUsageStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        store = new MongoUsageStore(client.getDatabase("kindred-test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void callsOfOneDayAndModelAddUp() {
        store.record(call("a1", "anthropic/claude-sonnet-4-5", DAY, new Usage(10, 100, 5, 7), 0.01));
        store.record(call("a1", "anthropic/claude-sonnet-4-5", DAY, new Usage(20, 200, 0, 3), 0.02));
        store.record(call("a1", "openai/gpt-4.1", DAY, new Usage(1, 0, 0, 1), 0.5));
        store.record(call("a1", "anthropic/claude-sonnet-4-5", DAY.plusDays(1), new Usage(1, 1, 1, 1), 1));
        store.record(call("a2", "anthropic/claude-sonnet-4-5", DAY, new Usage(9, 9, 9, 9), 9));

        List<UsageRecord> history = store.history("a1");

        assertThat(history)
                .extracting(UsageRecord::day, UsageRecord::model)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DAY, "anthropic/claude-sonnet-4-5"),
                        org.assertj.core.groups.Tuple.tuple(DAY, "openai/gpt-4.1"),
                        org.assertj.core.groups.Tuple.tuple(DAY.plusDays(1), "anthropic/claude-sonnet-4-5"));
        assertThat(history.get(0).usage()).isEqualTo(new Usage(30, 300, 5, 10));
        assertThat(history.get(0).costUsd()).isCloseTo(0.03, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(history.get(0).agentId()).isEqualTo("a1");
        assertThat(store.history("nobody")).isEmpty();
    }

    @Test
    void concurrentRecordsAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                writes.add(pool.submit(
                        () -> store.record(call("a1", "gemini/gemini-2.5-flash", DAY, new Usage(1, 2, 3, 4), 0.5))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(store.history("a1")).singleElement().satisfies(total -> {
            assertThat(total.usage()).isEqualTo(new Usage(64, 128, 192, 256));
            assertThat(total.costUsd()).isEqualTo(32.0);
        });
    }

    private static UsageRecord call(String agent, String model, LocalDate day, Usage usage, double cost) {
        return new UsageRecord(agent, model, day, usage, cost);
    }
}
