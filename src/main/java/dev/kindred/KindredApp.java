package dev.kindred;

import dev.kindred.agent.AgentDirectory;
import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.AgentServices;
import dev.kindred.agent.ExecutorScheduler;
import dev.kindred.agent.ModelWindows;
import dev.kindred.agent.ReplyGate;
import dev.kindred.agent.RuntimeThreads;
import dev.kindred.agent.TurnPolicy;
import dev.kindred.agentfile.AgentFileTransfer;
import dev.kindred.agentfile.ExportCommand;
import dev.kindred.agentfile.ImportCommand;
import dev.kindred.agentfile.ModelCatalog;
import dev.kindred.config.KindredConfig;
import dev.kindred.console.ConsoleChat;
import dev.kindred.console.ConsoleCommand;
import dev.kindred.console.ConsoleSession;
import dev.kindred.console.SleeptimeCommand;
import dev.kindred.console.UsageCommand;
import dev.kindred.discord.BotDependencies;
import dev.kindred.discord.DiscordBot;
import dev.kindred.embed.MiniLmEmbedder;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.UserInputException;
import dev.kindred.memory.search.HybridArchivalMemory;
import dev.kindred.memory.search.HybridRecallMemory;
import dev.kindred.memory.search.HybridRecallMemory.RecallStorage;
import dev.kindred.memory.search.SearchSettings;
import dev.kindred.model.CostCalculator;
import dev.kindred.model.ModelException;
import dev.kindred.model.ModelRouter;
import dev.kindred.model.RetryingChatModel;
import dev.kindred.model.UsageLedger;
import dev.kindred.privacy.GuildSweepSchedule;
import dev.kindred.privacy.PrivacyCommandLine;
import dev.kindred.privacy.PrivacyService;
import dev.kindred.privacy.PrivacySettings;
import dev.kindred.sleeptime.Sleeptime;
import dev.kindred.store.MongoSleeptimeJobStore;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
    private final PrivacyService privacy;
    private final ScheduledExecutorService privacySweeps = Executors.newSingleThreadScheduledExecutor();
    private final Sleeptime sleeptime;
    private final MiniLmEmbedder embedder;
    private final ExecutorService recallEmbedding = HybridRecallMemory.backgroundEmbedding();
    private volatile @Nullable DiscordBot discord;

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
        this.embedder = new MiniLmEmbedder();
        ExecutorScheduler scheduler = new ExecutorScheduler(Executors.newSingleThreadScheduledExecutor());
        ReplyGate replies = ReplyGate.standard(scheduler);
        AgentServices services = new AgentServices(
                storage.agents(),
                storage.blocks(),
                storage.messages(),
                storage.passages(),
                storage.bindings(),
                new HybridRecallMemory(
                        new RecallStorage(storage.messages(), storage.messageVectors()),
                        embedder,
                        SearchSettings.RECALL_DEFAULTS,
                        replies.deferring(recallEmbedding)),
                new HybridArchivalMemory(storage.passages(), embedder, clock, SearchSettings.DEFAULTS),
                ledger::record,
                storage.checkpoint());
        RetryingChatModel model = RetryingChatModel.around(router, config.models());
        TurnPolicy policy = new TurnPolicy(config.agents(), new ModelWindows(config.models()), clock);
        RuntimeThreads threads =
                new RuntimeThreads(scheduler, Executors.newFixedThreadPool(4), Duration.ofMinutes(30), replies);
        this.runtime = new AgentRuntime(services, model, policy, threads);
        this.directory = new AgentDirectory(services, config.agents(), config.sleeptime(), runtime.snapshots());
        this.privacy = new PrivacyService(
                services, runtime.snapshots(), storage.privacyStores(), PrivacySettings.of(config.privacy(), clock));
        resumeForgetRequests();
        this.sleeptime =
                Sleeptime.start(runtime, model, new MongoSleeptimeJobStore(storage.database()), config.sleeptime());
    }

    /** A forget request cut short by a crash is finished before anything else runs. */
    private void resumeForgetRequests() {
        try {
            privacy.resumePending();
        } catch (RuntimeException e) {
            LOG.error("finishing pending forget requests failed; they are tried again at the next start", e);
        }
    }

    /** Erases the data of servers the bot left longer ago than the grace period, now and then daily. */
    void startPrivacySweep() {
        new GuildSweepSchedule(privacy, Clock.systemUTC()).start(privacySweeps);
    }

    PrivacyCommandLine privacyCommandLine(PrintStream out) {
        return new PrivacyCommandLine(privacy, out);
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
        commands.add(new UsageCommand(ledger::reportText));
        commands.add(new SleeptimeCommand(sleeptime.service()));
        return commands;
    }

    /** Starts the Discord bot; returns once the gateway is ready. */
    void startDiscord(String token) {
        DiscordBot bot = new DiscordBot(new BotDependencies(
                runtime,
                directory,
                config.discord(),
                defaultModel(),
                sleeptime.service(),
                agentFiles(),
                agentId -> ledger.report(agentId).toDiscord(),
                this::isUsable,
                this::configuredModels,
                Clock.systemUTC(),
                privacy));
        try {
            bot.start(token);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while connecting to Discord");
        }
        this.discord = bot;
    }

    private boolean isUsable(String model) {
        try {
            requireModel(model);
            return true;
        } catch (UserInputException | IllegalArgumentException e) {
            return false;
        }
    }

    private List<String> configuredModels() {
        List<String> models = new ArrayList<>();
        config.models()
                .providers()
                .forEach((provider, p) -> p.models().keySet().forEach(m -> models.add(provider + "/" + m)));
        models.removeIf(m -> !isUsable(m));
        models.sort(null);
        return models;
    }

    private AgentFileTransfer agentFiles() {
        return new AgentFileTransfer(
                runtime.services(), embedder, new ModelCatalog(config.models(), defaultModel()), config.agents());
    }

    /** {@code kindred import FILE} and {@code kindred export NAME [FILE]}; returns the exit status. */
    int transfer(String command, List<String> args, PrintStream out) {
        AgentFileTransfer transfer = agentFiles();
        return command.equals("import")
                ? new ImportCommand(transfer, out).run(args)
                : new ExportCommand(transfer, runtime.services().agents(), out).run(args);
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
        DiscordBot bot = discord;
        if (bot != null) {
            bot.close();
        }
        privacySweeps.shutdownNow();
        sleeptime.close();
        runtime.close();
        finishEmbedding();
        storage.close();
    }

    /** Waits briefly for queued recall embeddings; any left are computed when their index next loads. */
    private void finishEmbedding() {
        recallEmbedding.shutdown();
        try {
            recallEmbedding.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
