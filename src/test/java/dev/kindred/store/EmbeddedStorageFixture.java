package dev.kindred.store;

import dev.kindred.config.MongoConfig;
import dev.kindred.model.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One embedded wire server per test class, on a random port with its files in a fresh temporary
 * directory, reached through the real driver. Tests isolate themselves with fresh random ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmbeddedStorageFixture {
    private final MutableClock clock = new MutableClock();
    private Path dataDir = Path.of("unset");
    private MongoStorage storage;

    @BeforeAll
    void startStorage() throws IOException {
        dataDir = Files.createTempDirectory("kindred-store-");
        storage = MongoStorage.open(config(dataDir), clock);
    }

    @AfterAll
    void stopStorage() throws IOException {
        storage.close();
        DataDirectory.delete(dataDir);
    }

    static MongoConfig config(Path dataDir) {
        return new MongoConfig("", "kindred", dataDir.toString());
    }

    MongoStorage storage() {
        return storage;
    }

    public MutableClock clock() {
        return clock;
    }
}
