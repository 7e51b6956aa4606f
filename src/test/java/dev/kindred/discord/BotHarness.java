package dev.kindred.discord;

import dev.kindred.agent.AgentDirectory;
import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.AgentServices;
import dev.kindred.agent.ExecutorScheduler;
import dev.kindred.agent.ModelWindows;
import dev.kindred.agent.ReplyGate;
import dev.kindred.agent.RuntimeThreads;
import dev.kindred.agent.TurnPolicy;
import dev.kindred.agentfile.AgentTransfer;
import dev.kindred.agentfile.ImportReport;
import dev.kindred.config.AgentDefaults;
import dev.kindred.config.DiscordConfig;
import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.MongoConfig;
import dev.kindred.config.PrivacyConfig;
import dev.kindred.config.ProviderConfig;
import dev.kindred.config.SleeptimeConfig;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.search.HybridArchivalMemory;
import dev.kindred.memory.search.HybridRecallMemory;
import dev.kindred.memory.search.HybridRecallMemory.RecallStorage;
import dev.kindred.memory.search.SearchSettings;
import dev.kindred.memory.search.SharedMiniLm;
import dev.kindred.privacy.PrivacyService;
import dev.kindred.privacy.PrivacySettings;
import dev.kindred.sleeptime.SleeptimeControl;
import dev.kindred.store.DataDirectory;
import dev.kindred.store.MongoStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The real bot (real JDA, real runtime, real embedded MongoDB, real hybrid search) against the fake
 * Discord, started once
 * per test class. Sleeptime and agent transfer are recording fakes of their contracts.
 */
final class BotHarness implements AutoCloseable {
    static final List<String> MODELS = List.of("test/tiny", "test/large");

    final ScriptedChat model = new ScriptedChat();
    final FakeDiscord discord;
    final MongoStorage storage;
    final AgentServices services;
    final AgentRuntime runtime;
    final AgentDirectory directory;
    final DiscordBot bot;
    final PrivacyService privacy;
    final List<String> sleeptimeRuns = new CopyOnWriteArrayList<>();
    final List<String> imports = new CopyOnWriteArrayList<>();
    final List<String> importedFiles = new CopyOnWriteArrayList<>();
    private final Path dataDir;

    BotHarness(int messagesPerMinute, long dailyTokenBudget) throws Exception {
        this(messagesPerMinute, dailyTokenBudget, List.of(), List.of());
    }

    BotHarness(int messagesPerMinute, long dailyTokenBudget, List<String> allowedGuilds, List<String> allowedUsers)
            throws Exception {
        discord = new FakeDiscord();
        dataDir = Files.createTempDirectory("kindred-discord-");
        Clock clock = Clock.systemUTC();
        storage = MongoStorage.open(new MongoConfig("", "kindred", dataDir.toString()), clock);
        services = new AgentServices(
                storage.agents(),
                storage.blocks(),
                storage.messages(),
                storage.passages(),
                storage.bindings(),
                new HybridRecallMemory(
                        new RecallStorage(storage.messages(), storage.messageVectors()),
                        SharedMiniLm.get(),
                        SearchSettings.RECALL_DEFAULTS,
                        Runnable::run),
                new HybridArchivalMemory(storage.passages(), SharedMiniLm.get(), clock, SearchSettings.DEFAULTS),
                (agentId, modelName, used) -> {},
                storage.checkpoint());
        AgentDefaults defaults = new AgentDefaults(
                "I am Sam, a warm companion.",
                "Nothing is known about this person yet.",
                "",
                "UTC",
                5_000,
                8,
                0.75,
                512,
                Duration.ZERO);
        TurnPolicy policy = new TurnPolicy(defaults, new ModelWindows(models()), clock);
        ExecutorScheduler scheduler = new ExecutorScheduler(Executors.newSingleThreadScheduledExecutor());
        runtime = new AgentRuntime(
                services,
                model,
                policy,
                new RuntimeThreads(
                        scheduler,
                        Executors.newFixedThreadPool(2),
                        Duration.ofMinutes(30),
                        ReplyGate.standard(scheduler)));
        directory = new AgentDirectory(
                services,
                defaults,
                new SleeptimeConfig(false, 5, "", 1, Duration.ofMinutes(5), 3),
                runtime.snapshots());
        DiscordConfig config = new DiscordConfig(
                "DISCORD_TOKEN",
                discord.restUrl(),
                discord.gatewayUrl(),
                FakeWorld.ADMIN_ROLE_NAME,
                allowedGuilds,
                allowedUsers,
                messagesPerMinute,
                dailyTokenBudget);
        privacy = new PrivacyService(
                services,
                runtime.snapshots(),
                storage.privacyStores(),
                PrivacySettings.of(new PrivacyConfig(Duration.ofDays(30)), clock));
        bot = new DiscordBot(new BotDependencies(
                runtime,
                directory,
                config,
                "test/tiny",
                sleeptime(),
                transfer(),
                agentId -> "usage report for " + agentId,
                MODELS::contains,
                () -> MODELS,
                clock,
                privacy));
        bot.start("fake-token");
    }

    private SleeptimeControl sleeptime() {
        return new SleeptimeControl() {
            @Override
            public String status(String agentId) {
                return "last run: never";
            }

            @Override
            public void runNow(String agentId, String channelId) {
                sleeptimeRuns.add(agentId + "@" + channelId);
            }
        };
    }

    private AgentTransfer transfer() {
        return new AgentTransfer() {
            @Override
            public ImportReport importAgents(byte[] file, AgentScope scope, String ownerId) {
                imports.add(scope.key());
                importedFiles.add(new String(file, StandardCharsets.UTF_8));
                return new ImportReport(
                        List.of("imported-1"), List.of("Echo"), 2, 3, 1, List.of("Mapped gpt-4 to test/tiny."));
            }

            @Override
            public byte[] exportAgent(String agentId) {
                return ("{\"agent\":\"" + agentId + "\"}").getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static ModelsConfig models() {
        ModelPrice price = new ModelPrice(1, 0.1, 1.25, 5, 200_000);
        ProviderConfig test =
                new ProviderConfig("openai", "http://127.0.0.1:9/v1", "", Map.of("tiny", price, "large", price));
        return new ModelsConfig(
                "test/tiny",
                Map.of("test", test),
                1,
                Duration.ofMillis(1),
                Duration.ofMillis(1),
                Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        bot.close();
        runtime.close();
        storage.close();
        discord.close();
        try {
            DataDirectory.delete(dataDir);
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    /** Sends a slash command and returns the raw JSON of the answer (a reply or a follow-up). */
    String run(FakeWorld.Person who, String channel, String command, @Nullable String sub, Map<String, Object> opts) {
        return answer(send(who, channel, command, sub, opts));
    }

    /** Sends a slash command; returns the interaction id. */
    String send(FakeWorld.Person who, String channel, String command, @Nullable String sub, Map<String, Object> opts) {
        String id = discord.nextId();
        discord.dispatch(
                "INTERACTION_CREATE", discord.world.slash(id, who, channel, command, sub, new LinkedHashMap<>(opts)));
        return id;
    }

    String submitModal(FakeWorld.Person who, String channel, String modalId, String field, String value) {
        String id = discord.nextId();
        discord.dispatch("INTERACTION_CREATE", discord.world.modalSubmit(id, who, channel, modalId, field, value));
        return answer(id);
    }

    /** The bot's message with exactly {@code content} in {@code to}'s DM channel (waits up to 10 s). */
    FakeDiscord.Request awaitDm(FakeWorld.Person to, String content) {
        return discord.await(
                "POST",
                "/channels/" + to.dmChannel() + "/messages",
                r -> r.content().equals(content));
    }

    /** The interaction callback of the given type (4 message, 9 modal, ...). */
    FakeDiscord.Request callback(String interactionId, int type) {
        return discord.await(
                "POST",
                "/interactions/" + interactionId + "/",
                r -> r.json().path("type").asInt() == type);
    }

    /** The raw JSON of the bot's answer to an interaction: the callback's message or the follow-up. */
    String answer(String interactionId) {
        return discord.await(
                        "POST",
                        "",
                        r -> r.path().contains("/webhooks/" + FakeWorld.BOT + "/token-" + interactionId)
                                || (r.path().contains("/interactions/" + interactionId + "/")
                                        && r.json().path("type").asInt() == 4))
                .body();
    }
}
