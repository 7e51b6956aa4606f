package dev.kindred.agentfile;

import java.time.Instant;
import java.util.List;

/** An archival passage to store; its embedding is computed on import. */
record PassagePlan(String text, List<String> tags, Instant createdAt, String source) {
    PassagePlan {
        tags = List.copyOf(tags);
    }
}
