package dev.kindred.store;

import dev.kindred.memory.Block;
import dev.kindred.memory.MemoryConflictException;
import dev.kindred.memory.UserInputException;

/** The block store's failures, worded once; every message is safe to show to a user or a model. */
final class BlockErrors {
    private BlockErrors() {}

    static MemoryConflictException conflict(Block current, long expectedVersion) {
        return new MemoryConflictException(
                "block '" + current.label() + "'", expectedVersion, current.version(), current.updatedBy());
    }

    static UserInputException labelTaken(String label) {
        return new UserInputException(
                "this agent already has a block labelled '" + label + "'; pick another label or edit that block");
    }

    static UserInputException notFound(String blockId) {
        return new UserInputException("there is no block with id " + blockId);
    }
}
