package dev.kindred.agent;

import dev.kindred.memory.Agent;

/** Told after every completed turn, before its reply is handed back (sleeptime counts user messages here). */
public interface TurnListener {
    void turnCompleted(Agent agent, String channelId, int userMessages);
}
