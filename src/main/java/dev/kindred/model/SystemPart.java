package dev.kindred.model;

/** A piece of the system prompt; {@code cacheBreakpoint} ends a cacheable prefix after it. */
public record SystemPart(String text, boolean cacheBreakpoint) {}
