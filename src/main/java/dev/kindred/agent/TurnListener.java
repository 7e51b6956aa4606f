package dev.kindred.agent;

import dev.kindred.memory.Agent;

/** Told after every completed turn, off the reply path (sleeptime counts user messages per channel here). */
public interface TurnListener {
    void turnCompleted(Agent agent, String channelId, int userMessages);
}
