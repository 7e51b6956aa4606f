package dev.kindred.sleeptime;

/** Thrown by a test to stop a runner dead, as a crash would: it is no exception the runner handles. */
final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed() {
        super("the process died here");
    }
}
