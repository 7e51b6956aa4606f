package dev.kindred.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.kindred.config.MongoConfig;
import dev.kindred.memory.AgentStore;
import dev.kindred.memory.BindingStore;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.Checkpoint;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.PassageStore;
import dev.kindred.memory.search.MessageVectors;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The storage layer, wired: the embedded wire server when no URI is configured, a real MongoDB
 * otherwise; indexes created at start-up; one instance of every store. Classes that add collections
 * of their own (sleeptime jobs, usage) take {@link #database()}.
 */
public final class MongoStorage implements AutoCloseable {
    private final MongoClient client;
    private final @Nullable EmbeddedMongo embedded;
    private final MongoDatabase database;
    private final MongoAgentStore agents;
    private final MongoBlockStore blocks;
    private final MongoMessageStore messages;
    private final MongoPassageStore passages;
    private final MongoBindingStore bindings;
    private final MongoMessageVectors messageVectors;

    private MongoStorage(MongoClient client, @Nullable EmbeddedMongo embedded, String databaseName, Clock clock) {
        this.client = client;
        this.embedded = embedded;
        this.database = client.getDatabase(databaseName);
        this.agents = new MongoAgentStore(database, clock);
        this.blocks = new MongoBlockStore(database, clock);
        this.messages = new MongoMessageStore(database);
        this.passages = new MongoPassageStore(database);
        this.bindings = new MongoBindingStore(database);
        this.messageVectors = new MongoMessageVectors(database);
    }

    /** Starts (or connects to) the database that {@code config} names and creates the indexes. */
    public static MongoStorage open(MongoConfig config, Clock clock) {
        MongoStorage storage = config.embedded()
                ? embedded(EmbeddedMongo.start(Path.of(config.dataDir())), config.database(), clock)
                : new MongoStorage(MongoClients.connect(config.uri()), null, config.database(), clock);
        try {
            Schema.createIndexes(storage.database, !storage.isEmbedded());
            return storage;
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    private static MongoStorage embedded(EmbeddedMongo server, String databaseName, Clock clock) {
        return new MongoStorage(server.client(), server, databaseName, clock);
    }

    /** Where recall search keeps message embeddings across restarts. */
    public MessageVectors messageVectors() {
        return messageVectors;
    }

    public AgentStore agents() {
        return agents;
    }

    public BlockStore blocks() {
        return blocks;
    }

    public MessageStore messages() {
        return messages;
    }

    public PassageStore passages() {
        return passages;
    }

    public BindingStore bindings() {
        return bindings;
    }

    /** Commits the embedded store to disk; nothing to do for a real MongoDB. */
    public Checkpoint checkpoint() {
        EmbeddedMongo server = embedded;
        return server == null ? () -> {} : server;
    }

    /** The database with the driver's default codecs (records included), for collections added elsewhere. */
    public MongoDatabase database() {
        return database;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Commits and stops the embedded server, or closes the client of a real deployment. */
    @Override
    public void close() {
        EmbeddedMongo server = embedded;
        if (server == null) {
            client.close();
        } else {
            server.close();
        }
    }
}
