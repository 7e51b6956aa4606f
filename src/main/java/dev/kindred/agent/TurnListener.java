package dev.kindred.agent;

import dev.kindred.memory.Agent;

/** Told about the runtime's turns (sleeptime counts user messages here, and gives way to replies owed). */
public interface TurnListener {
    /** After every completed turn, before its reply is handed back. */
    void turnCompleted(Agent agent, String channelId, int userMessages);

    /** A stored message now waits for its reply. */
    default void replyOwed(String agentId) {}

    /** The reply to a message has been handed back (or its turn failed). */
    default void replyGiven(String agentId) {}
}
