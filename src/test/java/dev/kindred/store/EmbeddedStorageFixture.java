package dev.kindred.store;

import dev.kindred.config.MongoConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One embedded wire server per test class, on a random port with its files in a fresh temporary
 * directory, reached through the real driver. Tests isolate themselves with fresh random ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmbeddedStorageFixture {
    private final TestClock clock = new TestClock();
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
        deleteRecursively(dataDir);
    }

    static MongoConfig config(Path dataDir) {
        return new MongoConfig("", "kindred", dataDir.toString());
    }

    MongoStorage storage() {
        return storage;
    }

    public TestClock clock() {
        return clock;
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
