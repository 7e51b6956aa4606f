package dev.kindred.sleeptime;

import dev.kindred.agent.AgentDirectory;
import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.AgentServices;
import dev.kindred.agent.BlockEditor;
import dev.kindred.agent.ExecutorScheduler;
import dev.kindred.agent.MemorySnapshots;
import dev.kindred.agent.ModelWindows;
import dev.kindred.agent.ReplyGate;
import dev.kindred.agent.RuntimeThreads;
import dev.kindred.agent.TurnPolicy;
import dev.kindred.config.AgentDefaults;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.MongoConfig;
import dev.kindred.config.SleeptimeConfig;
import dev.kindred.embed.Embedder;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Message;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.search.HybridArchivalMemory;
import dev.kindred.memory.search.HybridRecallMemory;
import dev.kindred.memory.search.HybridRecallMemory.RecallStorage;
import dev.kindred.memory.search.SearchSettings;
import dev.kindred.memory.search.SharedMiniLm;
import dev.kindred.model.MutableClock;
import dev.kindred.model.Usage;
import dev.kindred.store.MongoSleeptimeJobStore;
import dev.kindred.store.MongoStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sleeptime wired over the real embedded store in a temporary directory. {@link #restart()} drops
 * everything in memory and opens a new storage on the same files, as a process restart would.
 */
final class SleeptimeFixture implements AutoCloseable {
    private static final Embedder EMBEDDER = SharedMiniLm.get();
    static final SleeptimeConfig CONFIG = new SleeptimeConfig(true, 3, "", 2, Duration.ofMinutes(5), 3);
    static final AgentDefaults DEFAULTS = new AgentDefaults(
            "I am Sam.", "Nothing is known yet.", "Be kind.", "UTC", 2_000, 8, 0.8, 1024, Duration.ZERO);

    final Path dir;
    final MutableClock clock = new MutableClock();
    final ScriptedModels model = new ScriptedModels();
    final List<Usage> usage = new CopyOnWriteArrayList<>();
    MongoStorage storage;
    AgentServices services;
    MongoSleeptimeJobStore jobs;
    SleeptimeTrigger trigger;
    SleeptimeRunner runner;
    SleeptimeService service;
    AgentDirectory directory;

    SleeptimeFixture(Path dir) {
        this.dir = dir;
        open();
    }

    private void open() {
        storage = MongoStorage.open(new MongoConfig("", "kindred", dir.toString()), clock);
        services = services(storage);
        jobs = new MongoSleeptimeJobStore(storage.database());
        BlockEditor editor = new BlockEditor(services.blocks(), DEFAULTS.blockLimit());
        SleeptimeRun run = new SleeptimeRun(services, model, jobs, editor, clock);
        runner = new SleeptimeRunner(jobs, run, CONFIG, clock, services.checkpoint());
        trigger = new SleeptimeTrigger(jobs, services.messages(), clock, runner::wake);
        service = new SleeptimeService(services.agents(), jobs, trigger, clock);
        directory = new AgentDirectory(
                services, DEFAULTS, CONFIG, new MemorySnapshots(Duration.ofMinutes(5), Duration.ofHours(1)));
    }

    /** A runner over another view of the job store (a test decorator), sharing everything else. */
    SleeptimeRunner runnerOver(SleeptimeJobStore store) {
        BlockEditor editor = new BlockEditor(services.blocks(), DEFAULTS.blockLimit());
        SleeptimeRun run = new SleeptimeRun(services, model, store, editor, clock);
        return new SleeptimeRunner(store, run, CONFIG, clock, services.checkpoint());
    }

    /** A process restart: the old runner is abandoned mid-way (nothing in memory survives), the files stay. */
    void restart() {
        storage.close();
        open();
    }

    private AgentServices services(MongoStorage s) {
        RecallMemory recall = new HybridRecallMemory(
                new RecallStorage(s.messages(), s.messageVectors()), EMBEDDER, SearchSettings.DEFAULTS, Runnable::run);
        ArchivalMemory archival = new HybridArchivalMemory(s.passages(), EMBEDDER, clock, SearchSettings.DEFAULTS);
        return new AgentServices(
                s.agents(),
                s.blocks(),
                s.messages(),
                s.passages(),
                s.bindings(),
                recall,
                archival,
                (agentId, modelName, u) -> usage.add(u),
                s.checkpoint());
    }

    Agent agent(AgentScope scope) {
        return directory.create("Sam", scope, scope.id(), "test/primary");
    }

    /** Stores a user message and tells the trigger that a turn over it completed. */
    Message say(Agent agent, String channel, Speaker who, String text) {
        Message m =
                services.recall().append(NewMessage.text(agent.id(), Role.USER, text, who, channel, clock.instant()));
        services.recall()
                .append(NewMessage.text(
                        agent.id(), Role.ASSISTANT, "re: " + text, Speaker.AGENT, channel, clock.instant()));
        trigger.turnCompleted(services.agents().get(agent.id()).orElseThrow(), channel, 1);
        clock.advance(Duration.ofMinutes(1));
        return m;
    }

    AgentRuntime runtime(ScheduledExecutorService threads) {
        TurnPolicy policy = new TurnPolicy(
                DEFAULTS,
                new ModelWindows(new ModelsConfig(
                        "test/primary",
                        Map.of(),
                        1,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        Duration.ofSeconds(1))),
                clock);
        ExecutorScheduler scheduler = new ExecutorScheduler(threads);
        AgentRuntime runtime = new AgentRuntime(
                services,
                model,
                policy,
                new RuntimeThreads(
                        scheduler,
                        Executors.newSingleThreadExecutor(),
                        Duration.ofHours(1),
                        ReplyGate.standard(scheduler)));
        runtime.addListener(trigger);
        return runtime;
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() {
        runner.close();
        storage.close();
    }
}
