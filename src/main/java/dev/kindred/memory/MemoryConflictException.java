package dev.kindred.memory;

/**
 * A compare-and-set write lost the race: the stored version moved on since the writer read it.
 * The message names who changed it, so a user can decide what to do.
 */
public final class MemoryConflictException extends UserInputException {
    private static final long serialVersionUID = 1L;
    private final long currentVersion;
    private final String changedBy;

    public MemoryConflictException(String what, long expectedVersion, long currentVersion, String changedBy) {
        super(what + " was changed by " + changedBy + " (now version " + currentVersion + ", you edited version "
                + expectedVersion + "); re-read it and try again");
        this.currentVersion = currentVersion;
        this.changedBy = changedBy;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public String changedBy() {
        return changedBy;
    }
}
