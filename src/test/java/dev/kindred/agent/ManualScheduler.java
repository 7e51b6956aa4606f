package dev.kindred.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler the test fires by hand, so debounce behaviour is tested without sleeping. */
final class ManualScheduler implements Scheduler {
    private final List<Runnable> due = new ArrayList<>();

    @Override
    public synchronized Runnable schedule(Runnable task, Duration delay) {
        due.add(task);
        return () -> {
            synchronized (this) {
                due.remove(task);
            }
        };
    }

    synchronized int pending() {
        return due.size();
    }

    /** Runs every task scheduled so far. */
    void fire() {
        List<Runnable> now;
        synchronized (this) {
            now = new ArrayList<>(due);
            due.clear();
        }
        now.forEach(Runnable::run);
    }
}
