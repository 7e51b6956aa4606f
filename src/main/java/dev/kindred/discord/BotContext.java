package dev.kindred.discord;

import dev.kindred.agent.AgentServices;

/** What the listener and the commands share: the dependencies and the policies built from them. */
public record BotContext(BotDependencies deps, AgentPlaces places, Access access, UserLimits limits) {

    public static BotContext of(BotDependencies deps) {
        return new BotContext(
                deps,
                new AgentPlaces(deps.services(), deps.directory(), deps.defaultModel()),
                new Access(deps.config().adminRole()),
                new UserLimits(deps.config().messagesPerMinute(), deps.config().dailyTokenBudget(), deps.clock()));
    }

    public AgentServices services() {
        return deps.services();
    }
}
