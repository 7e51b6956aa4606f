package dev.kindred.memory.search;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A part of a search handed to a second thread, so that it runs while the searching thread embeds
 * the query. The one side thread takes a task only when it is idle; a task it does not take, the
 * searching thread runs itself when it needs the result, so a search never waits in a queue and a
 * machine with one core loses nothing but the hand-over.
 */
final class SideTask<T> {
    private static final ThreadPoolExecutor SIDE_THREAD = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
                Thread thread = new Thread(runnable, "kindred-search-side");
                thread.setDaemon(true);
                return thread;
            },
            new ThreadPoolExecutor.DiscardPolicy());

    private final FutureTask<T> task;

    private SideTask(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /** Offers {@code work} to the side thread. */
    static <T> SideTask<T> start(Callable<T> work) {
        SideTask<T> side = new SideTask<>(work);
        SIDE_THREAD.execute(side.task);
        return side;
    }

    /** The result: computed here unless the side thread took the task, then awaited. */
    T join() {
        task.run();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the task is running: waiting for it is short and never optional
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until the task is over, whatever its outcome: for cleanup after a failure elsewhere. */
    void finish() {
        try {
            join();
        } catch (RuntimeException ignored) {
            // the failure that brought us here is the one to report
        }
    }
}
