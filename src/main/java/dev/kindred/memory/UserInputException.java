package dev.kindred.memory;

/** A problem with what a person (or a model) asked for. The message is safe to show to a user. */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
