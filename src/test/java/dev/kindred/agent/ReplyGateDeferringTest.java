package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Background work handed to the gate's executor waits for the replies owed, or for the bound. */
class ReplyGateDeferringTest {
    private final ManualScheduler timers = new ManualScheduler();
    private final ReplyGate gate = ReplyGate.standard(timers);
    private final List<String> ran = new ArrayList<>();
    private final Executor deferred = gate.deferring(Runnable::run);

    @Test
    void runsAtOnceWhenNoReplyIsOwed() {
        deferred.execute(() -> ran.add("embed"));

        assertThat(ran).containsExactly("embed");
    }

    @Test
    void waitsUntilTheOwedReplyIsGiven() {
        gate.owed();

        deferred.execute(() -> ran.add("embed"));

        assertThat(ran).isEmpty();
        gate.given();
        assertThat(ran).containsExactly("embed");
    }

    @Test
    void aTaskTheExecutorRefusesRunsWhereTheGateOpens() {
        Executor shutDown = task -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        };

        gate.deferring(shutDown).execute(() -> ran.add("count"));

        assertThat(ran).containsExactly("count");
    }

    @Test
    void runsAfterTheBoundEvenWhileRepliesAreStillOwed() {
        gate.owed();
        deferred.execute(() -> ran.add("embed"));

        timers.fire();

        assertThat(ran).containsExactly("embed");
    }
}
