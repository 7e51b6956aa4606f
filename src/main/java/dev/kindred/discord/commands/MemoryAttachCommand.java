package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /memory attach label agent}: shares another agent's block with this one. */
final class MemoryAttachCommand implements SlashCommand {
    @Override
    public String group() {
        return "memory";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("attach", "Share another agent's memory block with this agent")
                .addOption(OptionType.STRING, "label", "The block's label", true)
                .addOption(OptionType.STRING, "agent", "The agent that has the block (same server or DMs)", true);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        Agent source = call.bot().places().byName(call.scope(), call.string("agent"));
        call.bot().access().requireManage(agent, call.user(), call.member());
        call.bot().access().requireManage(source, call.user(), call.member());
        String label = call.string("label").strip();
        Block block = call.bot()
                .services()
                .blocks()
                .find(source.id(), label, null)
                .orElseThrow(() -> new UserInputException(source.name() + " has no block labelled '" + label + "'."));
        if (call.bot().services().blocks().find(agent.id(), label, null).isPresent()) {
            throw new UserInputException(agent.name() + " already has a block labelled '" + label + "'.");
        }
        call.bot().services().blocks().attach(block.id(), agent.id());
        call.bot().services().checkpoint().commit();
        call.reply("`" + label + "` is now shared between " + source.name() + " and " + agent.name() + ".");
    }
}
