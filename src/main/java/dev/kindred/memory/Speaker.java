package dev.kindred.memory;

/** Who said a message: a Discord user id (or "console") and the name shown in the context. */
public record Speaker(String id, String name) {
    public static final Speaker AGENT = new Speaker("agent", "assistant");
}
