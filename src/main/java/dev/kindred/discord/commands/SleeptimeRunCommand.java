package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /sleeptime run}: consolidates this channel's conversation now. */
final class SleeptimeRunCommand implements SlashCommand {
    @Override
    public String group() {
        return "sleeptime";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("run", "Consolidate memory now");
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        call.bot().deps().sleeptime().runNow(agent.id(), call.channel().getId());
        call.reply("Queued a sleeptime run for " + agent.name() + ".");
    }
}
