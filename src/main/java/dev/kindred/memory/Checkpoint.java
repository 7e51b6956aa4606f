package dev.kindred.memory;

/**
 * Makes what was written so far durable. The embedded store commits its files to disk about once a
 * second on its own; the runtime calls this at the end of each unit of work (a turn, an import, a
 * sleeptime run) so a crash loses at most the unit in flight. A real MongoDB needs nothing here.
 */
public interface Checkpoint {
    void commit();

    /**
     * Commits without making the caller wait: the turn asks for this once its inbound messages are
     * stored, and the commit runs while the model thinks. Committing synchronously is a correct way
     * to do it, and what a store without a background committer does.
     */
    default void commitSoon() {
        commit();
    }
}
