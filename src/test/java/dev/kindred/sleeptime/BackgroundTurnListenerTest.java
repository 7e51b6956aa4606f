package dev.kindred.sleeptime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.agent.TurnListener;
import dev.kindred.memory.Agent;
import dev.kindred.memory.SampleAgents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class BackgroundTurnListenerTest {
    private static final Agent SAM = SampleAgents.sam();

    private final List<String> told = new ArrayList<>();
    private final TurnListener counter = (agent, channel, messages) -> told.add(channel + ":" + messages);

    @Test
    void aTurnReachesTheListenerOnTheExecutorInOrderNotOnTheReplyThread() {
        List<Runnable> queued = new ArrayList<>();
        BackgroundTurnListener listener = new BackgroundTurnListener(counter, queued::add);

        listener.turnCompleted(SAM, "a", 1);
        listener.turnCompleted(SAM, "b", 2);

        assertThat(told).isEmpty();
        queued.forEach(Runnable::run);
        assertThat(told).containsExactly("a:1", "b:2");
    }

    @Test
    void onceTheExecutorIsShutDownATurnIsPassedOnAtOnceSoNoCountIsLost() {
        Executor shutDown = task -> {
            throw new RejectedExecutionException("shut down");
        };
        BackgroundTurnListener listener = new BackgroundTurnListener(counter, shutDown);

        listener.turnCompleted(SAM, "a", 3);

        assertThat(told).containsExactly("a:3");
    }
}
