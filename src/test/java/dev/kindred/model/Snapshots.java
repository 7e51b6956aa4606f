package dev.kindred.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a request body with a saved JSON file under {@code src/test/resources/snapshots} as JSON
 * trees, so key order and whitespace do not matter. Run with {@code -Dsnapshots.update=true} to
 * (re)write the files, then read the diff before committing.
 */
public final class Snapshots {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path DIR = Path.of("src/test/resources/snapshots");

    private Snapshots() {}

    public static void assertMatches(String name, JsonNode actual) {
        Path file = DIR.resolve(name + ".json");
        try {
            if (Boolean.getBoolean("snapshots.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            }
            assertThat(file)
                    .as("snapshot %s (write it with -Dsnapshots.update=true)", file)
                    .exists();
            JsonNode expected = MAPPER.readTree(file.toFile());
            JsonNode normalised = MAPPER.readTree(MAPPER.writeValueAsString(actual));
            assertThat(normalised).as("request body compared with %s", file).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
