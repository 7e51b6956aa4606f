package dev.kindred.sleeptime;

/**
 * What the front ends ({@code /sleeptime} on Discord and in the terminal) ask of sleeptime. Turning it
 * on or off, its frequency and its model are agent settings ({@code Agent.sleeptime()}), changed
 * through the agent store.
 */
public interface SleeptimeControl {
    /** A short report for people: last run, what it changed, next trigger per channel, failures. */
    String status(String agentId);

    /** Queues a run now over everything not yet consolidated in that channel. */
    void runNow(String agentId, String channelId);
}
