package dev.kindred.bench;

import dev.kindred.agent.AgentDirectory;
import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.AgentServices;
import dev.kindred.agent.ExecutorScheduler;
import dev.kindred.agent.Inbound;
import dev.kindred.agent.ModelWindows;
import dev.kindred.agent.RuntimeThreads;
import dev.kindred.agent.TurnPolicy;
import dev.kindred.config.AgentDefaults;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.MongoConfig;
import dev.kindred.config.SleeptimeConfig;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Message;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Passage;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.Speaker;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.StopReason;
import dev.kindred.model.ToolCall;
import dev.kindred.model.Usage;
import dev.kindred.sleeptime.Sleeptime;
import dev.kindred.store.MongoSleeptimeJobStore;
import dev.kindred.store.MongoStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reply latency of the primary with sleeptime off, then with sleeptime on (frequency 1, so a run
 * follows every turn and runs beside the next ones). Models are scripted test doubles with fixed
 * latency: 20 ms per primary call, 200 ms per sleeptime call (two calls per run). Run by hand:
 * {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.main=dev.kindred.bench.SleeptimeLatencyBench}.
 */
public final class SleeptimeLatencyBench {
    private static final int AGENTS = 4;
    private static final int TURNS = 25;
    private static final int ROUNDS = 3;
    private static final int WARMUP = 3;
    private static final Speaker USER = new Speaker("u1", "Ada");
    private static final AgentDefaults DEFAULTS = new AgentDefaults(
            "I am Sam.", "Nothing is known yet.", "Be kind.", "UTC", 5_000, 8, 0.8, 1024, Duration.ZERO);

    private SleeptimeLatencyBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kindred-bench-");
        Clock clock = Clock.systemUTC();
        AtomicInteger sleeptimeCalls = new AtomicInteger();
        ChatModel model = new SlowModel(sleeptimeCalls);
        SleeptimeConfig config = new SleeptimeConfig(true, 1, "", 2, Duration.ofMinutes(5), 3);
        try (MongoStorage storage = MongoStorage.open(new MongoConfig("", "kindred", dir.toString()), clock)) {
            AgentServices services = services(storage, clock);
            MongoSleeptimeJobStore jobs = new MongoSleeptimeJobStore(storage.database());
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
            TurnPolicy policy = new TurnPolicy(DEFAULTS, new ModelWindows(models()), clock);
            AgentRuntime runtime = new AgentRuntime(
                    services,
                    model,
                    policy,
                    new RuntimeThreads(
                            new ExecutorScheduler(ticks), Executors.newFixedThreadPool(AGENTS), Duration.ofHours(1)));
            Sleeptime sleeptime = Sleeptime.start(runtime, model, jobs, config);
            AgentDirectory directory = new AgentDirectory(services, DEFAULTS, config, runtime.snapshots());

            measure(runtime, agents(directory, services, false), clock); // warm-up: JIT, store, tokenizer
            // Rounds alternate, so the store's growth during the run weighs on both sides alike.
            List<Long> off = new ArrayList<>();
            List<Long> on = new ArrayList<>();
            int during = 0;
            for (int round = 0; round < ROUNDS; round++) {
                off.addAll(measure(runtime, agents(directory, services, false), clock));
                int before = sleeptimeCalls.get();
                on.addAll(measure(runtime, agents(directory, services, true), clock));
                during += sleeptimeCalls.get() - before;
            }
            sleeptime.close();
            ticks.shutdownNow();
            runtime.close();
            report("sleeptime off", off);
            report("sleeptime on ", on);
            System.out.printf(
                    Locale.ROOT,
                    "ratio on/off: p50 %.2f, p99 %.2f; sleeptime model calls during the 'on' phase: %d%n",
                    percentile(on, 50) / (double) percentile(off, 50),
                    percentile(on, 99) / (double) percentile(off, 99),
                    during);
        }
    }

    private static List<Agent> agents(AgentDirectory directory, AgentServices services, boolean sleeptime) {
        List<Agent> out = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            Agent agent =
                    directory.create("Sam", AgentScope.dm(UUID.randomUUID().toString()), "u1", "bench/primary");
            out.add(services.agents()
                    .update(agent.id(), a -> a.withSleeptime(a.sleeptime().withEnabled(sleeptime))));
        }
        return out;
    }

    /** Each agent's user sends TURNS messages, one after the other; the agents talk at the same time. */
    private static List<Long> measure(AgentRuntime runtime, List<Agent> agents, Clock clock) {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> users = agents.stream()
                .map(agent -> CompletableFuture.runAsync(() -> {
                    for (int turn = 0; turn < TURNS; turn++) {
                        long start = System.nanoTime();
                        runtime.submit(new Inbound(agent.id(), "dm", USER, "message " + turn, null, Instant.now(clock)))
                                .join();
                        if (turn >= WARMUP) {
                            latencies.add((System.nanoTime() - start) / 1_000);
                        }
                    }
                }))
                .toList();
        users.forEach(CompletableFuture::join);
        return new ArrayList<>(latencies);
    }

    private static void report(String label, List<Long> micros) {
        System.out.printf(
                Locale.ROOT,
                "%s: %d replies, p50 %.1f ms, p99 %.1f ms%n",
                label,
                micros.size(),
                percentile(micros, 50) / 1000.0,
                percentile(micros, 99) / 1000.0);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static ModelsConfig models() {
        return new ModelsConfig(
                "bench/primary", Map.of(), 1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1));
    }

    private static AgentServices services(MongoStorage s, Clock clock) {
        RecallMemory recall = new RecallMemory() {
            @Override
            public Message append(NewMessage message) {
                return s.messages().append(message);
            }

            @Override
            public List<SearchHit<Message>> search(String agentId, SearchQuery query) {
                return List.of();
            }

            @Override
            public void evict(String agentId) {}
        };
        ArchivalMemory archival = new ArchivalMemory() {
            @Override
            public Passage insert(String agentId, String text, List<String> tags, String source) {
                return s.passages()
                        .insert(new Passage(
                                UUID.randomUUID().toString(),
                                agentId,
                                text,
                                tags,
                                new float[0],
                                clock.instant(),
                                source));
            }

            @Override
            public List<SearchHit<Passage>> search(String agentId, SearchQuery query) {
                return List.of();
            }

            @Override
            public boolean delete(String agentId, String passageId) {
                return s.passages().delete(agentId, passageId);
            }

            @Override
            public void evict(String agentId) {}
        };
        return new AgentServices(
                s.agents(),
                s.blocks(),
                s.messages(),
                s.passages(),
                s.bindings(),
                recall,
                archival,
                (agentId, modelName, usage) -> {},
                s.checkpoint());
    }

    /**
     * A scripted test double of a model with fixed latency: the primary answers in 20 ms; the
     * sleeptime agent takes 200 ms per call, inserting one line, then finishing.
     */
    private static final class SlowModel implements ChatModel {
        private final AtomicInteger sleeptimeCalls;

        SlowModel(AtomicInteger sleeptimeCalls) {
            this.sleeptimeCalls = sleeptimeCalls;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            boolean sleeptime = request.tools().stream().anyMatch(t -> t.name().equals("memory_finish_edits"));
            pause(sleeptime ? 200 : 20);
            if (!sleeptime) {
                return new ChatResponse("ok", List.of(), StopReason.END_TURN, Usage.ZERO, request.model());
            }
            int n = sleeptimeCalls.incrementAndGet();
            boolean first = request.messages().size() == 1;
            ToolCall call = first
                    ? new ToolCall("c" + n, "memory_rethink", "{\"label\":\"notes\",\"new_memory\":\"run " + n + "\"}")
                    : new ToolCall("c" + n, "memory_finish_edits", "{}");
            return new ChatResponse("", List.of(call), StopReason.TOOL_USE, Usage.ZERO, request.model());
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
