package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /usage}: the agent's tokens and cost, and what you used today. */
final class UsageCommand implements SlashCommand {
    @Override
    public String group() {
        return "usage";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("usage", "What this agent has used and cost");
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireRead(agent, call.user());
        long budget = call.bot().deps().config().dailyTokenBudget();
        long today = call.bot().limits().tokensToday(call.user().getId());
        call.reply(call.bot().deps().usageReport().apply(agent.id()) + "\nYour tokens today: " + today
                + (budget > 0 ? " of " + budget : ""));
    }
}
