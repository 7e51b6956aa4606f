package dev.kindred.agentfile;

import dev.kindred.agent.AgentServices;
import dev.kindred.config.AgentDefaults;
import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.MongoConfig;
import dev.kindred.config.ProviderConfig;
import dev.kindred.embed.Embedder;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.search.HybridArchivalMemory;
import dev.kindred.memory.search.HybridRecallMemory;
import dev.kindred.memory.search.HybridRecallMemory.RecallStorage;
import dev.kindred.memory.search.InMemoryMessageVectors;
import dev.kindred.memory.search.SearchSettings;
import dev.kindred.memory.search.SharedMiniLm;
import dev.kindred.store.DataDirectory;
import dev.kindred.store.MongoStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The real storage (embedded wire server, real driver) per test class, the services an import needs,
 * and a configuration with a few models. Tests isolate themselves with fresh scopes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransferFixture {
    static final ModelPrice PRICE = new ModelPrice(1, 0.1, 1.25, 5, 200_000);
    static final ModelsConfig MODELS = new ModelsConfig(
            "anthropic/claude-sonnet-4-5",
            Map.of(
                    "anthropic",
                    new ProviderConfig(
                            "anthropic",
                            "https://api.anthropic.com",
                            "ANTHROPIC_API_KEY",
                            Map.of("claude-sonnet-4-5", PRICE, "claude-opus-4-5", PRICE)),
                    "openai",
                    new ProviderConfig(
                            "openai", "https://api.openai.com/v1", "OPENAI_API_KEY", Map.of("gpt-4o-mini", PRICE)),
                    "gemini",
                    new ProviderConfig(
                            "gemini",
                            "https://generativelanguage.googleapis.com",
                            "GEMINI_API_KEY",
                            Map.of("gemini-2.5-pro", PRICE))),
            3,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10));
    static final ModelCatalog CATALOG = new ModelCatalog(MODELS, "anthropic/claude-sonnet-4-5");
    static final AgentDefaults DEFAULTS = new AgentDefaults(
            "I am a friendly companion.", "Nothing known yet.", "Be kind.", "UTC", 5_000, 8, 0.8, 1_024, Duration.ZERO);

    /** The real in-process model, loaded once for all test classes. */
    static final Embedder EMBEDDER = SharedMiniLm.get();

    private Path dataDir = Path.of("unset");
    private MongoStorage storage;
    private AgentServices services;

    @BeforeAll
    void startStorage() throws IOException {
        dataDir = Files.createTempDirectory("kindred-agentfile-");
        storage = MongoStorage.open(new MongoConfig("", "kindred", dataDir.toString()), Clock.systemUTC());
        services = new AgentServices(
                storage.agents(),
                storage.blocks(),
                storage.messages(),
                storage.passages(),
                storage.bindings(),
                new HybridRecallMemory(
                        new RecallStorage(storage.messages(), new InMemoryMessageVectors()),
                        EMBEDDER,
                        SearchSettings.RECALL_DEFAULTS,
                        Runnable::run),
                new HybridArchivalMemory(storage.passages(), EMBEDDER, Clock.systemUTC(), SearchSettings.DEFAULTS),
                (agentId, model, usage) -> {},
                storage.checkpoint());
    }

    @AfterAll
    void stopStorage() throws IOException {
        storage.close();
        DataDirectory.delete(dataDir);
    }

    AgentServices services() {
        return services;
    }

    com.mongodb.client.MongoDatabase storageDatabase() {
        return storage.database();
    }

    AgentFileTransfer transfer() {
        return transfer(services);
    }

    static AgentFileTransfer transfer(AgentServices services) {
        return new AgentFileTransfer(services, EMBEDDER, CATALOG, DEFAULTS);
    }

    static AgentScope freshScope() {
        return AgentScope.dm(UUID.randomUUID().toString());
    }

    /** Documents in every collection, to show that a refused import wrote nothing. */
    long documentCount() {
        long total = 0;
        for (String name : storage.database().listCollectionNames()) {
            total += storage.database().getCollection(name, Document.class).countDocuments();
        }
        return total;
    }
}
