package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.SleeptimeSettings;

/** How agent settings read to a person. */
final class Describe {
    private Describe() {}

    static String sleeptime(Agent agent) {
        SleeptimeSettings s = agent.sleeptime();
        if (!s.enabled()) {
            return "off";
        }
        return "on, every " + s.frequency() + " messages, model " + (s.model() == null ? agent.model() : s.model());
    }
}
