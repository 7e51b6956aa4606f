package dev.kindred.memory;

/**
 * What of an agent's recall is in its context: every message from {@code startSeq} on, preceded by
 * {@code summary}, which covers everything before it. Nothing before {@code startSeq} is deleted.
 */
public record ContextWindow(long startSeq, String summary) {
    public ContextWindow {
        if (startSeq < 0) {
            throw new IllegalArgumentException("window start must be >= 0");
        }
    }

    public static ContextWindow empty() {
        return new ContextWindow(0, "");
    }
}
