package dev.kindred.memory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An archival passage. {@code embedding} is the unit-length vector of {@code text} from the
 * configured embedder; {@code source} says where it came from ("agent", "user:<id>", "file:notes.md");
 * {@code channelId} is the server channel it was learned or added in, so that a member who cannot
 * read that channel is not shown it (null: a DM, the console, an imported file).
 */
public record Passage(
        String id,
        String agentId,
        String text,
        List<String> tags,
        float[] embedding,
        Instant createdAt,
        String source,
        @Nullable String channelId) {
    public static final int MAX_TEXT = 20_000;

    public Passage {
        tags = List.copyOf(tags);
        if (text.isBlank()) {
            throw new UserInputException("an archival passage must not be empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new UserInputException("an archival passage is limited to " + MAX_TEXT + " characters");
        }
    }
}
