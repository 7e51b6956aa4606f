package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /sleeptime status}: the settings and what the sleeptime agent did lately. */
final class SleeptimeStatusCommand implements SlashCommand {
    @Override
    public String group() {
        return "sleeptime";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("status", "What background consolidation did lately");
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireRead(agent, call.user());
        call.reply("Sleeptime: " + Describe.sleeptime(agent) + "\n"
                + call.bot().deps().sleeptime().status(agent.id()));
    }
}
