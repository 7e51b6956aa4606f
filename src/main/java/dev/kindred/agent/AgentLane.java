package dev.kindred.agent;

import dev.kindred.memory.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One agent's queue of stored messages waiting for a turn. Turns run one at a time; messages that
 * arrive while one runs, or within the debounce of each other, are answered together in the next
 * turn. A turn takes the messages of one channel; other channels' messages wait for the next one.
 */
final class AgentLane {
    /** A stored message and the future that completes with the turn that answers it. */
    record Pending(Message message, CompletableFuture<TurnResult> result) {}

    private final Duration debounce;
    private final Scheduler scheduler;
    private final Executor executor;
    private final Function<List<Message>, TurnResult> turn;
    private final Runnable afterTurn;
    private final LinkedList<Pending> pending = new LinkedList<>();
    private boolean running;
    private @Nullable Runnable cancelTimer;
    private @Nullable Instant firstWaiting;

    AgentLane(
            Duration debounce,
            Scheduler scheduler,
            Executor executor,
            Function<List<Message>, TurnResult> turn,
            Runnable afterTurn) {
        this.debounce = debounce;
        this.scheduler = scheduler;
        this.executor = executor;
        this.turn = turn;
        this.afterTurn = afterTurn;
    }

    synchronized void offer(Pending item, Instant now) {
        pending.add(item);
        if (firstWaiting == null) {
            firstWaiting = now;
        }
        if (!running) {
            arm(now);
        }
    }

    /** The numbers of the messages waiting for a turn. */
    synchronized Set<Long> waiting() {
        return pending.stream().map(p -> p.message().seq()).collect(Collectors.toUnmodifiableSet());
    }

    /** (Re)starts the debounce, but never lets a stream of messages postpone a turn past four debounces. */
    private void arm(Instant now) {
        if (cancelTimer != null) {
            cancelTimer.run();
        }
        Duration waited = firstWaiting == null ? Duration.ZERO : Duration.between(firstWaiting, now);
        Duration delay = waited.compareTo(debounce.multipliedBy(4)) >= 0 ? Duration.ZERO : debounce;
        if (delay.isZero()) {
            start(); // no timer thread in between when there is nothing to wait for
        } else {
            cancelTimer = scheduler.schedule(this::start, delay);
        }
    }

    private void start() {
        List<Pending> batch;
        synchronized (this) {
            if (running || pending.isEmpty()) {
                return;
            }
            running = true;
            cancelTimer = null;
            batch = takeOneChannel();
            firstWaiting = pending.isEmpty() ? null : firstWaiting;
        }
        executor.execute(() -> runTurn(batch));
    }

    private List<Pending> takeOneChannel() {
        String channel = pending.getFirst().message().channelId();
        List<Pending> batch = new ArrayList<>();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.message().channelId().equals(channel)) {
                batch.add(p);
                it.remove();
            }
        }
        return batch;
    }

    private void runTurn(List<Pending> batch) {
        try {
            TurnResult result = turn.apply(batch.stream().map(Pending::message).toList());
            batch.forEach(p -> p.result().complete(result));
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        } finally {
            afterTurn.run();
            synchronized (this) {
                running = false;
                if (!pending.isEmpty()) {
                    cancelTimer = scheduler.schedule(this::start, debounce);
                }
            }
        }
    }
}
