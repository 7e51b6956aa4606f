package dev.kindred.agent;

import dev.kindred.config.AgentDefaults;
import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.MongoConfig;
import dev.kindred.config.ProviderConfig;
import dev.kindred.config.SleeptimeConfig;
import dev.kindred.embed.Embedder;
import dev.kindred.memory.search.HybridArchivalMemory;
import dev.kindred.memory.search.HybridRecallMemory;
import dev.kindred.memory.search.HybridRecallMemory.RecallStorage;
import dev.kindred.memory.search.SearchSettings;
import dev.kindred.memory.search.SharedMiniLm;
import dev.kindred.model.ChatModel;
import dev.kindred.model.CostCalculator;
import dev.kindred.model.Usage;
import dev.kindred.model.UsageLedger;
import dev.kindred.store.MongoStorage;
import dev.kindred.store.MongoUsageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The real runtime on a real embedded MongoDB in a temporary folder, with real search and a
 * {@link ScriptedModel} each test scripts. The provider {@code test} has the models {@code tiny} and
 * {@code backup}.
 */
public final class RuntimeFixture implements AutoCloseable {
    private static final Embedder EMBEDDER = SharedMiniLm.get();

    public final MongoStorage storage;
    public final ScriptedModel model = new ScriptedModel();
    public final AgentServices services;
    public final AgentRuntime runtime;
    public final AgentDirectory directory;
    public final List<Usage> usage = new CopyOnWriteArrayList<>();
    private final ExecutorService embedding = HybridRecallMemory.backgroundEmbedding();

    private RuntimeFixture(Builder b) {
        Clock clock = b.clock;
        storage = MongoStorage.open(new MongoConfig("", "kindred", b.dir.toString()), clock);
        Scheduler scheduler =
                b.scheduler != null ? b.scheduler : new ExecutorScheduler(Executors.newSingleThreadScheduledExecutor());
        ReplyGate replies = ReplyGate.standard(scheduler);
        services = new AgentServices(
                storage.agents(),
                storage.blocks(),
                storage.messages(),
                storage.passages(),
                storage.bindings(),
                new HybridRecallMemory(
                        new RecallStorage(storage.messages(), storage.messageVectors()),
                        EMBEDDER,
                        SearchSettings.RECALL_DEFAULTS,
                        b.embedInBackground ? replies.deferring(embedding) : Runnable::run),
                new HybridArchivalMemory(storage.passages(), EMBEDDER, clock, SearchSettings.DEFAULTS),
                meter(b),
                storage.checkpoint());
        AgentDefaults defaults = new AgentDefaults(
                "I am Sam, a warm, curious companion.",
                "Nothing is known about this person yet.",
                "",
                "UTC",
                2000,
                b.maxSteps,
                0.75,
                512,
                b.debounce);
        TurnPolicy policy = new TurnPolicy(
                defaults, new ModelWindows(b.models != null ? b.models : models(b.contextWindow)), clock);
        ChatModel chat = b.chatModel != null ? b.chatModel : model;
        runtime = new AgentRuntime(
                services,
                chat,
                policy,
                new RuntimeThreads(scheduler, Executors.newFixedThreadPool(2), b.memoryStaleness, replies));
        directory = new AgentDirectory(
                services, defaults, new SleeptimeConfig(true, 5, "", 1, Duration.ofMinutes(5), 3), runtime.snapshots());
    }

    /** By default each call's usage is added to {@link #usage}. */
    private UsageMeter meter(Builder b) {
        if (b.usageMeter != null) {
            return b.usageMeter;
        }
        if (b.usageInStore) {
            ModelsConfig catalogue = b.models != null ? b.models : models(b.contextWindow);
            return new UsageLedger(new MongoUsageStore(storage.database()), new CostCalculator(catalogue), b.clock)
                    ::record;
        }
        return (agentId, modelName, used) -> usage.add(used);
    }

    private static ModelsConfig models(int contextWindow) {
        ModelPrice price = new ModelPrice(1, 0.1, 1.25, 5, contextWindow);
        ProviderConfig test =
                new ProviderConfig("openai", "http://127.0.0.1:9/v1", "", Map.of("tiny", price, "backup", price));
        return new ModelsConfig(
                "test/tiny",
                Map.of("test", test),
                1,
                Duration.ofMillis(1),
                Duration.ofMillis(1),
                Duration.ofSeconds(5));
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    @Override
    /** As the app closes: the turns, then the queued embeddings, then the store. */
    public void close() {
        runtime.close();
        embedding.shutdown();
        try {
            embedding.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        storage.close();
    }

    /** Options a test may change; everything else is fixed. */
    public static final class Builder {
        private final Path dir;
        private int maxSteps = 8;
        private int contextWindow = 200_000;
        private Scheduler scheduler;
        private ChatModel chatModel;
        private Clock clock = Clock.systemUTC();
        private Duration memoryStaleness = Duration.ofMinutes(30);
        private ModelsConfig models;
        private boolean embedInBackground;
        private Duration debounce = Duration.ZERO;
        private boolean usageInStore;
        private UsageMeter usageMeter;

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder maxSteps(int steps) {
            this.maxSteps = steps;
            return this;
        }

        public Builder contextWindow(int tokens) {
            this.contextWindow = tokens;
            return this;
        }

        public Builder debounce(Duration wait) {
            this.debounce = wait;
            return this;
        }

        public Builder scheduler(Scheduler manual) {
            this.scheduler = manual;
            return this;
        }

        /** A real model (an adapter against a local fake provider) instead of the scripted one. */
        public Builder chatModel(ChatModel real, ModelsConfig catalogue) {
            this.chatModel = real;
            this.models = catalogue;
            return this;
        }

        /**
         * New recall messages are embedded as in the application: in the background, once no reply is
         * owed. By default they are embedded at once, so tests search by meaning straight away.
         */
        public Builder embedInBackground() {
            this.embedInBackground = true;
            return this;
        }

        /** What model calls used goes to the store through the usage ledger, as in the application. */
        public Builder usageInStore() {
            this.usageInStore = true;
            return this;
        }

        public Builder usageMeter(UsageMeter meter) {
            this.usageMeter = meter;
            return this;
        }

        public Builder clock(Clock testClock) {
            this.clock = testClock;
            return this;
        }

        public Builder memoryStaleness(Duration staleness) {
            this.memoryStaleness = staleness;
            return this;
        }

        public RuntimeFixture build() {
            return new RuntimeFixture(this);
        }
    }
}
