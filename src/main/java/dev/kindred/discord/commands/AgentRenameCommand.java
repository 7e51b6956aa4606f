package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /agent rename name}: renames the agent of this place. */
final class AgentRenameCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("rename", "Rename the agent that answers here")
                .addOption(OptionType.STRING, "name", "Its new name", true);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        String name = Agent.requireName(call.string("name").strip());
        if (call.bot().services().agents().findByName(agent.scope(), name).isPresent()) {
            throw new UserInputException("There is already an agent named '" + name + "' here.");
        }
        call.bot().services().agents().update(agent.id(), a -> a.withName(name));
        call.reply(agent.name() + " is now called " + name + ".");
    }
}
