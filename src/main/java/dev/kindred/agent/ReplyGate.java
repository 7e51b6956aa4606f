package dev.kindred.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Lets background work give way to replies. The runtime tells the gate when a reply becomes owed and
 * when it has been given; {@link #whenQuiet()} completes once no reply is owed, or after {@code
 * bound} at the latest, so a busy runtime slows background work down but never starves it. Sleeptime
 * workers wait here before their store and CPU work (claiming a job, applying a model's answer), and
 * recall embeds new messages through {@link #deferring}: on a small machine both compete with the
 * turns for the cores and the embedded database.
 */
public final class ReplyGate {
    /**
     * How long background work waits at most for a moment when no reply is owed. Under constant load
     * this paces sleeptime at one step per worker per second; 250 ms let more through and cost replies.
     */
    public static final Duration GIVE_WAY_AT_MOST = Duration.ofSeconds(1);

    private final Scheduler scheduler;
    private final Duration bound;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private int owed;

    /** A gate that holds work for {@link #GIVE_WAY_AT_MOST} at most. */
    public static ReplyGate standard(Scheduler scheduler) {
        return new ReplyGate(scheduler, GIVE_WAY_AT_MOST);
    }

    public ReplyGate(Scheduler scheduler, Duration bound) {
        this.scheduler = scheduler;
        this.bound = bound;
    }

    /** Completes when no reply is owed, or once {@code bound} has passed. */
    public CompletableFuture<Void> whenQuiet() {
        CompletableFuture<Void> quiet = new CompletableFuture<>();
        synchronized (this) {
            if (owed == 0) {
                return CompletableFuture.completedFuture(null);
            }
            waiting.add(quiet);
        }
        Runnable cancel = scheduler.schedule(() -> release(quiet), bound);
        quiet.whenComplete((done, failure) -> cancel.run());
        return quiet;
    }

    /**
     * Hands each task to {@code executor} once the gate is quiet; a task the executor refuses (it was
     * shut down) runs on the thread that opened the gate, so none is lost.
     */
    public Executor deferring(Executor executor) {
        return task -> whenQuiet().thenRun(() -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        });
    }

    /** A stored message now waits for its reply (the runtime says so). */
    public synchronized void owed() {
        owed++;
    }

    /** A reply was handed back, or its turn failed (the runtime says so). */
    public void given() {
        List<CompletableFuture<Void>> released;
        synchronized (this) {
            owed = Math.max(0, owed - 1);
            if (owed > 0) {
                return;
            }
            released = List.copyOf(waiting);
            waiting.clear();
        }
        released.forEach(quiet -> quiet.complete(null));
    }

    private void release(CompletableFuture<Void> quiet) {
        synchronized (this) {
            waiting.remove(quiet);
        }
        quiet.complete(null);
    }
}
