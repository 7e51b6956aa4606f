package dev.kindred.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A tool the model may call, with its JSON Schema for the arguments. */
public record ToolDefinition(String name, String description, ObjectNode parameters) {}
