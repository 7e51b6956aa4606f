package dev.kindred.discord;

import dev.kindred.memory.UserInputException;

/** A refusal; the message says which permission is needed and is shown to the person as is. */
public final class PermissionDeniedException extends UserInputException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message) {
        super(message);
    }
}
