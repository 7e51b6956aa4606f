package dev.kindred.sleeptime;

import dev.kindred.agent.TurnListener;
import dev.kindred.memory.Agent;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands completed turns to a listener on an executor of its own, so the listener's store round trips
 * (sleeptime counts the messages and may queue a job) are not part of the reply's latency: the
 * runtime tells its listeners before it completes the reply. A single-threaded executor keeps the
 * order of the turns. Once the executor is shut down, turns are passed on at once, so none is lost.
 */
final class BackgroundTurnListener implements TurnListener {
    private final TurnListener listener;
    private final Executor executor;

    BackgroundTurnListener(TurnListener listener, Executor executor) {
        this.listener = listener;
        this.executor = executor;
    }

    @Override
    public void turnCompleted(Agent agent, String channelId, int userMessages) {
        Runnable tell = () -> listener.turnCompleted(agent, channelId, userMessages);
        try {
            executor.execute(tell);
        } catch (RejectedExecutionException e) {
            tell.run();
        }
    }
}
