package dev.kindred.bench;

import dev.kindred.agent.AgentDirectory;
import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.AgentServices;
import dev.kindred.agent.ExecutorScheduler;
import dev.kindred.agent.Inbound;
import dev.kindred.agent.ModelWindows;
import dev.kindred.agent.ReplyGate;
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
import dev.kindred.sleeptime.SleeptimeJob;
import dev.kindred.sleeptime.SleeptimeJobStore;
import dev.kindred.store.DataDirectory;
import dev.kindred.store.MongoSleeptimeJobStore;
import dev.kindred.store.MongoStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Reply latency of the primary with sleeptime off and on, in one run: rounds alternate (off, on, off,
 * on, ...) on fresh agents, so the store's growth and the machine's moods weigh on both sides alike,
 * and the spread between the "off" rounds says how large the noise is. With sleeptime on the
 * frequency is 1, so a run is queued after every turn and runs beside the next ones. Models are
 * scripted test doubles with fixed latency: 20 ms per primary call, 200 ms per sleeptime call (two
 * calls per run). Each user reads a reply for {@value #READ_MILLIS} ms before sending the next
 * message: without any pause no moment is free of owed replies, and sleeptime, which gives way to
 * replies for up to a second, would barely run during a round. The backlog an "on" round leaves is
 * dropped before the next round, so an "off" round really runs without sleeptime. Run by hand:
 * {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.main=dev.kindred.bench.SleeptimeLatencyBench}.
 */
public final class SleeptimeLatencyBench {
    private static final int AGENTS = 4;
    private static final int TURNS = 60;
    private static final int ROUNDS = 6;
    private static final int WARMUP = 3;
    private static final long READ_MILLIS = 50;
    private static final Speaker USER = new Speaker("u1", "Ada");
    private static final AgentDefaults DEFAULTS = new AgentDefaults(
            "I am Sam.", "Nothing is known yet.", "Be kind.", "UTC", 5_000, 8, 0.8, 1024, Duration.ZERO);

    private SleeptimeLatencyBench() {}

    public static void main(String[] args) throws Exception {
        try (DataDirectory dir = DataDirectory.create("kindred-bench-")) {
            run(dir.path());
        }
        System.exit(0);
    }

    private static void run(Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        AtomicInteger sleeptimeCalls = new AtomicInteger();
        ChatModel model = new SlowModel(sleeptimeCalls);
        SleeptimeConfig config = new SleeptimeConfig(true, 1, "", 2, Duration.ofMinutes(5), 3);
        try (MongoStorage storage = MongoStorage.open(new MongoConfig("", "kindred", dir.toString()), clock)) {
            AgentServices services = services(storage, clock);
            MongoSleeptimeJobStore jobs = new MongoSleeptimeJobStore(storage.database());
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
            TurnPolicy policy = new TurnPolicy(DEFAULTS, new ModelWindows(models()), clock);
            ExecutorScheduler scheduler = new ExecutorScheduler(ticks);
            AgentRuntime runtime = new AgentRuntime(
                    services,
                    model,
                    policy,
                    new RuntimeThreads(
                            scheduler,
                            Executors.newFixedThreadPool(AGENTS),
                            Duration.ofHours(1),
                            ReplyGate.standard(scheduler)));
            Sleeptime sleeptime = Sleeptime.start(runtime, model, jobs, config);
            AgentDirectory directory = new AgentDirectory(services, DEFAULTS, config, runtime.snapshots());
            Rounds rounds = new Rounds(runtime, directory, jobs, clock);

            for (int warmup = 0; warmup < 3; warmup++) { // both paths: JIT, store, tokenizer
                rounds.measure(rounds.fresh(false));
                List<Agent> agents = rounds.fresh(true);
                rounds.measure(agents);
                rounds.dropBacklog(agents);
            }
            List<Figures> off = new ArrayList<>();
            List<Figures> on = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                off.add(rounds.measure(rounds.fresh(false)));
                List<Agent> agents = rounds.fresh(true);
                int before = sleeptimeCalls.get();
                on.add(rounds.measure(agents));
                int during = sleeptimeCalls.get() - before;
                rounds.dropBacklog(agents);
                System.out.printf(
                        Locale.ROOT,
                        "round %d  off %s   on %s   on/off p50 %.2f p99 %.2f   sleeptime model calls during 'on': %d%n",
                        round,
                        off.get(round - 1),
                        on.get(round - 1),
                        on.get(round - 1).p50() / off.get(round - 1).p50(),
                        on.get(round - 1).p99() / off.get(round - 1).p99(),
                        during);
            }
            sleeptime.close();
            ticks.shutdownNow();
            runtime.close();
            summary(off, on);
        }
    }

    private static void summary(List<Figures> off, List<Figures> on) {
        Figures allOff = Figures.pooled(off);
        Figures allOn = Figures.pooled(on);
        System.out.printf(Locale.ROOT, "pooled   off %s   on %s%n", allOff, allOn);
        double noiseP50 = Figures.spread(off, Figures::p50);
        double noiseP99 = Figures.spread(off, Figures::p99);
        Figures oddOff = Figures.pooled(everyOther(off, 0));
        Figures evenOff = Figures.pooled(everyOther(off, 1));
        System.out.printf(
                Locale.ROOT,
                "noise: max/min over the 'off' rounds p50 %.2f, p99 %.2f; odd/even 'off' rounds pooled p50 %.2f, p99 %.2f%n",
                noiseP50,
                noiseP99,
                oddOff.p50() / evenOff.p50(),
                oddOff.p99() / evenOff.p99());
        double ratioP50 = allOn.p50() / allOff.p50();
        double ratioP99 = allOn.p99() / allOff.p99();
        System.out.printf(
                Locale.ROOT,
                "ratio on/off (pooled): p50 %.2f (%s), p99 %.2f (%s)%n",
                ratioP50,
                verdict(ratioP50, noiseP50),
                ratioP99,
                verdict(ratioP99, noiseP99));
    }

    private static List<Figures> everyOther(List<Figures> rounds, int first) {
        List<Figures> out = new ArrayList<>();
        for (int i = first; i < rounds.size(); i += 2) {
            out.add(rounds.get(i));
        }
        return out;
    }

    /** Within noise when the ratio is no further from 1 than the "off" rounds are from each other. */
    private static String verdict(double ratio, double noise) {
        return Math.max(ratio, 1 / ratio) <= noise ? "within noise" : "outside noise";
    }

    /** p50 and p99 of one set of reply latencies, in milliseconds. */
    record Figures(double p50, double p99, List<Long> micros) {
        static Figures of(List<Long> micros) {
            return new Figures(percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0, micros);
        }

        static Figures pooled(List<Figures> rounds) {
            return of(rounds.stream().flatMap(f -> f.micros().stream()).toList());
        }

        static double spread(List<Figures> rounds, java.util.function.ToDoubleFunction<Figures> figure) {
            DoubleSummaryStatistics stats = rounds.stream().mapToDouble(figure).summaryStatistics();
            return stats.getMax() / stats.getMin();
        }

        private static long percentile(List<Long> values, int p) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %5.1f ms, p99 %5.1f ms (%d replies)", p50, p99, micros.size());
        }
    }

    /** A round: fresh agents, each one's user sending TURNS messages one after the other, all at once. */
    private record Rounds(AgentRuntime runtime, AgentDirectory directory, SleeptimeJobStore jobs, Clock clock) {
        private static final String DROPPER = "bench-drops-the-backlog";

        Figures measure(List<Agent> agents) {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> users = agents.stream()
                    .map(agent -> CompletableFuture.runAsync(() -> talk(agent, latencies)))
                    .toList();
            users.forEach(CompletableFuture::join);
            return Figures.of(new ArrayList<>(latencies));
        }

        private void talk(Agent agent, List<Long> latencies) {
            for (int turn = 0; turn < TURNS; turn++) {
                long start = System.nanoTime();
                runtime.submit(new Inbound(agent.id(), "dm", USER, "message " + turn, null, Instant.now(clock)))
                        .join();
                if (turn >= WARMUP) {
                    latencies.add((System.nanoTime() - start) / 1_000);
                }
                LockSupport.parkNanos(READ_MILLIS * 1_000_000);
            }
        }

        List<Agent> fresh(boolean sleeptime) {
            List<Agent> out = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                Agent agent =
                        directory.create("Sam", AgentScope.dm(UUID.randomUUID().toString()), "u1", "bench/primary");
                out.add(runtime.services()
                        .agents()
                        .update(agent.id(), a -> a.withSleeptime(a.sleeptime().withEnabled(sleeptime))));
            }
            return out;
        }

        /** Marks the jobs still queued as done and waits for the runs in progress to end. */
        void dropBacklog(List<Agent> agents) {
            do {
                Optional<SleeptimeJob> job;
                while ((job = jobs.claim(DROPPER, clock.instant(), Duration.ofMinutes(1))).isPresent()) {
                    jobs.finish(job.get(), DROPPER, clock.instant());
                }
                SlowModel.pause(50);
            } while (agents.stream().anyMatch(this::hasPendingJob));
        }

        private boolean hasPendingJob(Agent agent) {
            return jobs.recent(agent.id(), Integer.MAX_VALUE).stream()
                    .anyMatch(j -> j.status() == SleeptimeJob.Status.PENDING);
        }
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
            public Optional<Message> appendIfNew(NewMessage message) {
                return s.messages().appendIfNew(message);
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
            public Passage insert(String agentId, String text, List<String> tags, String source, String channelId) {
                return s.passages()
                        .insert(new Passage(
                                UUID.randomUUID().toString(),
                                agentId,
                                text,
                                tags,
                                new float[0],
                                clock.instant(),
                                source,
                                channelId));
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
