package dev.kindred.agentfile;

import dev.kindred.agent.AgentServices;
import dev.kindred.config.AgentDefaults;
import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.MongoConfig;
import dev.kindred.config.ProviderConfig;
import dev.kindred.embed.Embedder;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Message;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Passage;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import dev.kindred.store.MongoStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
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
                new StoreRecall(storage),
                new StoreArchival(storage),
                (agentId, model, usage) -> {},
                storage.checkpoint());
    }

    @AfterAll
    void stopStorage() throws IOException {
        storage.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
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
        return new AgentFileTransfer(services, new HashEmbedder(), CATALOG, DEFAULTS);
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

    /** A stand-in for the search layer: appends go to the store, searches find nothing. */
    private record StoreRecall(MongoStorage storage) implements RecallMemory {
        @Override
        public Message append(NewMessage message) {
            return storage.messages().append(message);
        }

        @Override
        public List<SearchHit<Message>> search(String agentId, SearchQuery query) {
            return List.of();
        }

        @Override
        public void evict(String agentId) {}
    }

    private record StoreArchival(MongoStorage storage) implements ArchivalMemory {
        @Override
        public Passage insert(String agentId, String text, List<String> tags, String source) {
            return storage.passages()
                    .insert(new Passage(
                            UUID.randomUUID().toString(),
                            agentId,
                            text,
                            tags,
                            new HashEmbedder().embed(text),
                            java.time.Instant.now(),
                            source));
        }

        @Override
        public List<SearchHit<Passage>> search(String agentId, SearchQuery query) {
            return List.of();
        }

        @Override
        public boolean delete(String agentId, String passageId) {
            return storage.passages().delete(agentId, passageId);
        }

        @Override
        public void evict(String agentId) {}
    }

    /** A deterministic unit-length embedding, so tests need no model. */
    static final class HashEmbedder implements Embedder {
        @Override
        public int dimensions() {
            return 8;
        }

        @Override
        public float[] embed(String text) {
            float[] vector = new float[8];
            for (int i = 0; i < text.length(); i++) {
                vector[i % 8] += text.charAt(i);
            }
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            for (int i = 0; i < 8; i++) {
                vector[i] = (float) (vector[i] / Math.sqrt(Math.max(norm, 1e-9)));
            }
            return vector;
        }
    }
}
