package dev.kindred;

import dev.kindred.agent.AgentDirectory;
import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.AgentServices;
import dev.kindred.agent.ExecutorScheduler;
import dev.kindred.agent.ModelWindows;
import dev.kindred.agent.RuntimeThreads;
import dev.kindred.agent.TurnPolicy;
import dev.kindred.config.KindredConfig;
import dev.kindred.console.ConsoleChat;
import dev.kindred.console.ConsoleCommand;
import dev.kindred.console.ConsoleSession;
import dev.kindred.embed.MiniLmEmbedder;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.UserInputException;
import dev.kindred.memory.search.HybridArchivalMemory;
import dev.kindred.memory.search.HybridRecallMemory;
import dev.kindred.memory.search.SearchSettings;
import dev.kindred.model.CostCalculator;
import dev.kindred.model.ModelException;
import dev.kindred.model.ModelRouter;
import dev.kindred.model.RetryPolicy;
import dev.kindred.model.RetryingChatModel;
import dev.kindred.model.Sleeper;
import dev.kindred.model.UsageLedger;
import dev.kindred.store.MongoStorage;
import dev.kindred.store.MongoUsageStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds Kindred by hand from its configuration: storage, search, models, the runtime and its services. */
final class KindredApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KindredApp.class);

    private final KindredConfig config;
    private final MongoStorage storage;
    private final ModelRouter router;
    private final UsageLedger ledger;
    private final AgentRuntime runtime;
    private final AgentDirectory directory;

    private KindredApp(KindredConfig config, Map<String, String> env) {
        Clock clock = Clock.systemUTC();
        this.config = config;
        this.storage = MongoStorage.open(config.mongodb(), clock);
        LOG.info(
                "storage: {}",
                storage.isEmbedded() ? "embedded, files in " + config.mongodb().dataDir() : "MongoDB");
        this.router = ModelRouter.create(config.models(), env, clock);
        this.ledger =
                new UsageLedger(new MongoUsageStore(storage.database()), new CostCalculator(config.models()), clock);
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        AgentServices services = new AgentServices(
                storage.agents(),
                storage.blocks(),
                storage.messages(),
                storage.passages(),
                storage.bindings(),
                new HybridRecallMemory(storage.messages(), storage.messageVectors(), embedder, SearchSettings.DEFAULTS),
                new HybridArchivalMemory(storage.passages(), embedder, clock, SearchSettings.DEFAULTS),
                ledger::record,
                storage.checkpoint());
        RetryingChatModel model =
                new RetryingChatModel(router, RetryPolicy.from(config.models()), Sleeper.SYSTEM, new Random());
        TurnPolicy policy = new TurnPolicy(config.agents(), new ModelWindows(config.models()), clock);
        RuntimeThreads threads = new RuntimeThreads(
                new ExecutorScheduler(Executors.newSingleThreadScheduledExecutor()),
                Executors.newFixedThreadPool(4),
                Duration.ofMinutes(30));
        this.runtime = new AgentRuntime(services, model, policy, threads);
        this.directory = new AgentDirectory(services, config.agents(), config.sleeptime(), runtime.snapshots());
    }

    static KindredApp start(KindredConfig config, Map<String, String> env) {
        return new KindredApp(config, env);
    }

    /** The model new agents get; a clear error listing the variables to set when no provider is usable. */
    String defaultModel() {
        return router.defaultModel();
    }

    void chat(String agentName, BufferedReader in, PrintStream out) throws IOException {
        Agent agent = directory.findOrCreate(agentName, AgentScope.console(), "console", defaultModel());
        ConsoleSession session = new ConsoleSession(runtime, directory, out, agent.id());
        new ConsoleChat(session, consoleCommands(), Clock.systemUTC()).run(in);
    }

    private List<ConsoleCommand> consoleCommands() {
        List<ConsoleCommand> commands = new ArrayList<>();
        commands.add(ConsoleChat.modelCommand(this::requireModel));
        commands.add(new dev.kindred.console.UsageCommand(ledger::reportText));
        return commands;
    }

    private void requireModel(String model) {
        try {
            router.check(model);
        } catch (ModelException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    @Override
    public void close() {
        runtime.close();
        storage.close();
    }
}
