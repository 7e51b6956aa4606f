package dev.kindred.model;

/** Why the model stopped. */
public enum StopReason {
    END_TURN,
    TOOL_USE,
    MAX_TOKENS,
    OTHER
}
