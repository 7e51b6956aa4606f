package dev.kindred.model;

/** A tool call from the model. {@code arguments} is the raw JSON text, which may be malformed. */
public record ToolCall(String id, String name, String arguments) {}
