package dev.kindred.store;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import dev.kindred.memory.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB wire server (mongo-java-server with its H2 MVStore backend, its unique
 * indexes replaced by {@link SerializedKeyH2Backend}'s), listening on a random loopback port for
 * other clients, and a real driver client whose connections reach the same server's wire pipeline
 * without the socket ({@link InProcessChannel}). The MVStore commits on its own about once a second;
 * {@link #commit()} makes everything written so far durable at once, and {@link #commitSoon()} has a
 * background thread do so, coalescing requests that arrive while one is waiting.
 */
public final class EmbeddedMongo implements Checkpoint, AutoCloseable {
    static final String FILE_NAME = "kindred.mv";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MVStore store;
    private final MongoServer server;
    private final MongoClient client;
    private final ExecutorService committer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kindred-commit");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean commitQueued = new AtomicBoolean();

    private EmbeddedMongo(MVStore store, MongoServer server, MongoClient client) {
        this.store = store;
        this.server = server;
        this.client = client;
    }

    /** Opens (or creates) the store under {@code dataDir} and starts serving it on a free port. */
    public static EmbeddedMongo start(Path dataDir) {
        return start(dataDir, new MVStore.Builder());
    }

    /** For tests that must see exactly when a commit happens: no commits but the ones asked for. */
    static EmbeddedMongo startWithoutAutoCommit(Path dataDir) {
        return start(dataDir, new MVStore.Builder().autoCommitDisabled());
    }

    private static EmbeddedMongo start(Path dataDir, MVStore.Builder options) {
        Path file = createDirectories(dataDir).resolve(FILE_NAME);
        MVStore store =
                options.fileName(file.toString()).cacheSize(cacheMegabytes()).open();
        SerializedKeyH2Backend backend = new SerializedKeyH2Backend(store);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        log.info("embedded MongoDB on {} with data in {}", address, file);
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        return new EmbeddedMongo(store, server, MongoClients.connectInProcess(uri, new InProcessServer(backend)));
    }

    /**
     * An eighth of the heap (at least H2's default 16 MB) for the store's cache of pages. A page that
     * is not cached is read from the file and every document on it deserialised: with the default,
     * reading a search's 20 hits from a 100,000-message history went through that for most of them.
     */
    private static int cacheMegabytes() {
        return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024));
    }

    public MongoClient client() {
        return client;
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    @Override
    public void commit() {
        if (!store.isClosed()) {
            store.commit();
        }
    }

    @Override
    public void commitSoon() {
        if (commitQueued.compareAndSet(false, true)) {
            try {
                committer.execute(() -> {
                    commitQueued.set(false); // a request from here on queues the next commit
                    commit();
                });
            } catch (RejectedExecutionException e) {
                commitQueued.set(false);
                commit(); // closing: commit on the caller's thread rather than not at all
            }
        }
    }

    boolean hasUnsavedChanges() {
        return store.hasUnsavedChanges();
    }

    /** Finishes a queued commit, commits, closes the client, then stops the server (which closes the store). */
    @Override
    public void close() {
        committer.shutdown();
        try {
            committer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commit();
        client.close();
        server.shutdown();
    }

    private static Path createDirectories(Path dataDir) {
        try {
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
    }
}
