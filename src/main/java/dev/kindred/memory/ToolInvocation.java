package dev.kindred.memory;

/** A tool call as kept in recall: the provider's call id, the tool name, and the raw JSON arguments. */
public record ToolInvocation(String id, String name, String arguments) {}
