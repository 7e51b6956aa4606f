package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /agent switch name}: which of your companions answers your DMs. */
final class AgentSwitchCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("switch", "Talk to another of your companions in DMs")
                .addOption(OptionType.STRING, "name", "The companion", true);
    }

    @Override
    public void run(CommandCall call) {
        if (call.inGuild()) {
            throw new UserInputException("In a server, admins choose the agent with `/agent bind`.");
        }
        Agent agent = call.bot().places().byName(call.scope(), call.string("name"));
        call.bot().access().requireManage(agent, call.user(), call.member());
        call.bot().places().activate(call.user().getId(), agent);
        call.reply("Your DMs now go to " + agent.name() + ".");
    }
}
