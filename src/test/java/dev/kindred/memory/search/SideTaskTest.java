package dev.kindred.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SideTaskTest {
    @Test
    void anIdleSideThreadRunsATaskNobodyJoinsAndJoinReturnsItsResult() throws Exception {
        // onSideThread returns once the task has started without anyone joining it
        SideTask<String> task = onSideThread(() -> Thread.currentThread().getName());

        assertThat(task.join()).isEqualTo("kindred-search-side");
    }

    @Test
    void aTaskTheBusySideThreadCannotTakeRunsOnTheJoiningThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SideTask<Void> blocker = onSideThread(() -> {
            release.await();
            return null;
        });
        try {
            SideTask<String> task = SideTask.start(() -> Thread.currentThread().getName());

            assertThat(task.join()).isEqualTo(Thread.currentThread().getName());
        } finally {
            release.countDown();
            blocker.join();
        }
    }

    @Test
    void joinRethrowsTheTasksOwnFailure() {
        IllegalStateException failure = new IllegalStateException("no postings");
        SideTask<String> task = SideTask.start(() -> {
            throw failure;
        });

        assertThatThrownBy(task::join).isSameAs(failure);
    }

    @Test
    void finishWaitsForATaskTheSideThreadIsRunningAndSwallowsItsFailure() throws Exception {
        AtomicBoolean over = new AtomicBoolean();
        SideTask<Void> task = onSideThread(() -> {
            Thread.sleep(200);
            over.set(true);
            throw new IllegalStateException("failed after its work");
        });

        task.finish();

        assertThat(over).isTrue();
    }

    /**
     * Offers {@code body} until the side thread takes it (an offer made while it is between tasks is
     * not taken, and such a task is simply never joined); returns once the side thread runs it.
     */
    private static <T> SideTask<T> onSideThread(Callable<T> body) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            CountDownLatch started = new CountDownLatch(1);
            SideTask<T> task = SideTask.start(() -> {
                started.countDown();
                return body.call();
            });
            if (started.await(100, TimeUnit.MILLISECONDS)) {
                return task;
            }
            Thread.sleep(10); // gives the side thread time to finish whatever it was doing
        }
        throw new AssertionError("the side thread never took a task");
    }
}
