package dev.kindred.agent;

import java.time.Duration;

/** Runs a task later; tests substitute one they drive by hand instead of sleeping. */
public interface Scheduler {
    /** @return cancels the task if it has not started */
    Runnable schedule(Runnable task, Duration delay);
}
