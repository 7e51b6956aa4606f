package dev.kindred.bench;

import com.mongodb.client.MongoCollection;
import dev.kindred.embed.Embedder;
import dev.kindred.memory.search.SharedMiniLm;
import dev.kindred.store.DataDirectory;
import dev.kindred.store.EmbeddedMongo;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.bson.Document;

/**
 * What the machine charges for a pause, outside Kindred's code: one round trip to the embedded store
 * (an insert, and a find of an absent id) and one MiniLM query embedding, each measured back to back
 * and again after {@code idle=MS} of idling (default 20 ms). A turn in TurnOverheadBench starts after
 * 100 ms of idling, and its round trips run (in process) through code and data that the pause has
 * pushed out of the cache.
 * Run: mvn -B -q -Pbench test-compile exec:exec -Dbench.main=dev.kindred.bench.IdleWakeBench
 * [-Dbench.args="idle=20"]
 */
public final class IdleWakeBench {
    private static final int JIT_WARMUP = 3_000;
    private static final int WARMUP = 20;
    private static final int RUNS = 400;

    private IdleWakeBench() {}

    public static void main(String[] args) throws Exception {
        long idleMillis = Arrays.stream(args)
                .filter(a -> a.startsWith("idle="))
                .mapToLong(a -> Long.parseLong(a.substring(5)))
                .findFirst()
                .orElse(20);
        Embedder embedder = SharedMiniLm.get();
        try (DataDirectory dir = DataDirectory.create("kindred-idle-bench");
                EmbeddedMongo mongo = EmbeddedMongo.start(dir.path())) {
            MongoCollection<Document> things =
                    mongo.client().getDatabase("bench").getCollection("things");
            String text = "x".repeat(300);
            AtomicLong ids = new AtomicLong();
            System.out.printf("%-22s %14s %14s%n", "p50 ms", "back to back", "after " + idleMillis + " ms");
            row(
                    "insert",
                    i -> things.insertOne(new Document("_id", ids.incrementAndGet()).append("text", text)),
                    idleMillis);
            row(
                    "find (absent id)",
                    i -> things.find(new Document("_id", "absent " + i)).first(),
                    idleMillis);
            row("MiniLM query", i -> embedder.embed("lighthouse trip " + i), idleMillis);
        }
        System.exit(0); // the embedding runtime leaves a non-daemon thread behind
    }

    /** Compiles the path first (a few thousand calls back to back), then measures both ways. */
    private static void row(String name, IntConsumer operation, long idleMillis) {
        for (int i = 0; i < JIT_WARMUP; i++) {
            operation.accept(-i - 1);
        }
        System.out.printf("%-22s %14.3f %14.3f%n", name, p50(operation, 0), p50(operation, idleMillis));
    }

    private static double p50(IntConsumer operation, long idleMillis) {
        long[] nanos = new long[RUNS];
        for (int i = -WARMUP; i < RUNS; i++) {
            long start = System.nanoTime();
            operation.accept(i + WARMUP + 1 + (int) idleMillis * RUNS);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
            if (idleMillis > 0) {
                LockSupport.parkNanos(idleMillis * 1_000_000);
            }
        }
        Arrays.sort(nanos);
        return nanos[RUNS / 2] / 1e6;
    }
}
