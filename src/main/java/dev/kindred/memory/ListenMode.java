package dev.kindred.memory;

/** When a channel's agent answers: only when mentioned or replied to, or to every message. */
public enum ListenMode {
    MENTION,
    ALL
}
