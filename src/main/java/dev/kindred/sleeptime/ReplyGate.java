package dev.kindred.sleeptime;

import dev.kindred.agent.Scheduler;
import dev.kindred.agent.TurnListener;
import dev.kindred.memory.Agent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lets sleeptime give way to replies. The runtime tells the gate when a reply becomes owed and when
 * it has been given; {@link #whenQuiet()} completes once no reply is owed, or after {@code bound} at
 * the latest, so a busy runtime slows consolidation down but never starves it. Sleeptime workers wait
 * here before their store and CPU work (claiming a job, applying a model's answer), which on a small
 * machine competes with the turns for the cores and the embedded database.
 */
public final class ReplyGate implements TurnListener {
    private final Scheduler scheduler;
    private final Duration bound;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private int owed;

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

    @Override
    public void turnCompleted(Agent agent, String channelId, int userMessages) {}

    @Override
    public synchronized void replyOwed(String agentId) {
        owed++;
    }

    @Override
    public void replyGiven(String agentId) {
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
