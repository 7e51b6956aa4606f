package dev.kindred.agentfile;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A block to create. {@code fileId} is its id in the file ({@code block-3}), by which agents refer
 * to it; {@code memberId} is set for a server member's own block (Kindred exports only);
 * {@code history} holds earlier versions to replay, oldest first, ending with {@code value}.
 */
record BlockPlan(
        String fileId,
        String label,
        String value,
        int limit,
        String description,
        boolean readOnly,
        @Nullable String memberId,
        List<VersionPlan> history) {
    BlockPlan {
        history = List.copyOf(history);
    }

    /** One kept version: its text and who wrote it. */
    record VersionPlan(String value, String author) {}
}
