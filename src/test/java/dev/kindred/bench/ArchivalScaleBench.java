package dev.kindred.bench;

import dev.kindred.config.MongoConfig;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.search.HybridArchivalMemory;
import dev.kindred.memory.search.InMemoryPassageStore;
import dev.kindred.memory.search.SearchSettings;
import dev.kindred.model.MutableClock;
import dev.kindred.store.DataDirectory;
import dev.kindred.store.MongoStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One agent with many archival passages in the embedded MongoDB (data under target/): insert time,
 * index load time after a restart, heap held by the index, and search latency (store reads of the
 * hits included; query embedding excluded, as vectors come from {@link HashingEmbedder}; MiniLM adds
 * about 3 ms a query). Args: [passages for the in-memory run, default 100000] [passages through
 * MongoDB, default the same].
 */
public final class ArchivalScaleBench {
    private static final String AGENT = "scale-agent";
    private static final Path DATA = Path.of("target", "scale-bench-data");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private ArchivalScaleBench() {}

    public static void main(String[] args) throws Exception {
        int passages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int mongoPassages = args.length > 1 ? Integer.parseInt(args[1]) : passages;
        int queries = 1000;
        HashingEmbedder embedder = new HashingEmbedder(384);
        MutableClock clock = new MutableClock();
        indexOnly(passages, queries, embedder, clock);
        throughMongo(mongoPassages, queries, embedder, clock);
        System.exit(0);
    }

    /** The index alone, over a store in memory: heap, build time, search latency. */
    private static void indexOnly(int passages, int queries, HashingEmbedder embedder, MutableClock clock)
            throws InterruptedException {
        InMemoryPassageStore store = new InMemoryPassageStore();
        HybridArchivalMemory filling = new HybridArchivalMemory(store, embedder, clock, SearchSettings.DEFAULTS);
        SyntheticText text = new SyntheticText(1);
        for (int i = 0; i < passages; i++) {
            clock.set(START.plus(Duration.ofMinutes(10L * i)));
            filling.insert(AGENT, text.passage(), List.of("topic" + i % 20), "bench");
        }
        HybridArchivalMemory archival = new HybridArchivalMemory(store, embedder, clock, SearchSettings.DEFAULTS);
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        archival.search(AGENT, SearchQuery.of(text.query(), 10));
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = usedHeap();
        System.out.printf("%n%,d passages, index over an in-memory store:%n", passages);
        System.out.printf(
                "  index built from the store in %.2f s; index heap %.1f MB%n",
                buildSeconds, (heapAfter - heapBefore) / 1e6);
        latency(archival, text, queries, false);
        latency(archival, text, queries, true);
    }

    /** The same through the embedded MongoDB: insert time, load after restart, search latency. */
    private static void throughMongo(int passages, int queries, HashingEmbedder embedder, MutableClock clock)
            throws IOException {
        DataDirectory.delete(DATA);
        MongoConfig config = new MongoConfig("", "kindred", DATA.toString());
        SyntheticText text = new SyntheticText(1);
        long t0 = System.nanoTime();
        try (MongoStorage storage = MongoStorage.open(config, Clock.systemUTC())) {
            HybridArchivalMemory archival =
                    new HybridArchivalMemory(storage.passages(), embedder, clock, SearchSettings.DEFAULTS);
            for (int i = 0; i < passages; i++) {
                clock.set(START.plus(Duration.ofMinutes(10L * i)));
                archival.insert(AGENT, text.passage(), List.of("topic" + i % 20), "bench");
            }
            storage.checkpoint().commit();
        }
        System.out.printf("%n%,d passages through the embedded MongoDB:%n", passages);
        System.out.printf("  inserted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        try (MongoStorage storage = MongoStorage.open(config, Clock.systemUTC())) {
            long read = System.nanoTime();
            long[] count = {0};
            storage.passages().forEach(AGENT, p -> count[0]++);
            System.out.printf(
                    "  after restart: reading the %,d passages back takes %.1f s%n",
                    count[0], (System.nanoTime() - read) / 1e9);
            HybridArchivalMemory archival =
                    new HybridArchivalMemory(storage.passages(), embedder, clock, SearchSettings.DEFAULTS);
            long load = System.nanoTime();
            archival.search(AGENT, SearchQuery.of(text.query(), 10));
            System.out.printf(
                    "  index loaded (read + build + first search) in %.1f s%n", (System.nanoTime() - load) / 1e9);
            latency(archival, text, queries, false);
            latency(archival, text, queries, true);
        }
    }

    private static void latency(HybridArchivalMemory archival, SyntheticText text, int queries, boolean filtered) {
        for (int i = 0; i < 200; i++) {
            archival.search(AGENT, query(text, filtered));
        }
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            SearchQuery query = query(text, filtered);
            long start = System.nanoTime();
            archival.search(AGENT, query);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "search%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d queries (top 10)%n",
                filtered ? " with tag and date filters" : "",
                nanos[queries / 2] / 1e6,
                nanos[queries * 99 / 100] / 1e6,
                nanos[queries - 1] / 1e6,
                queries);
    }

    private static SearchQuery query(SyntheticText text, boolean filtered) {
        if (!filtered) {
            return SearchQuery.of(text.query(), 10);
        }
        Instant from = START.plus(Duration.ofDays(text.nextInt(300)));
        return new SearchQuery(
                text.query(),
                List.of("topic" + text.nextInt(20)),
                false,
                from,
                from.plus(Duration.ofDays(200)),
                Set.of(),
                10);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
