package dev.kindred.memory;

/** The kind of a stored recall message. */
public enum Role {
    USER,
    ASSISTANT,
    /** A tool's result; the assistant message before it carries the call. */
    TOOL,
    /** A summary of what left the context window. */
    SUMMARY,
    /** A note from Kindred itself (a step limit reached, a model failure). */
    SYSTEM
}
