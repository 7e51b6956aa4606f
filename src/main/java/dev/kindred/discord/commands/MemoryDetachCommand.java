package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /memory detach label}: stops sharing a block with this agent; the others keep it. */
final class MemoryDetachCommand implements SlashCommand {
    @Override
    public String group() {
        return "memory";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("detach", "Stop sharing a memory block with this agent")
                .addOption(OptionType.STRING, "label", "The shared block", true);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        Block block = MemoryRules.find(call, agent, call.string("label"));
        MemoryRules.requireEdit(call, agent, block);
        if (!block.isShared()) {
            throw new UserInputException("`" + block.label() + "` is not shared; use `/memory delete` to remove it.");
        }
        call.bot().services().blocks().detach(block.id(), agent.id());
        call.bot().services().checkpoint().commit();
        call.reply("Detached `" + block.label() + "` from " + agent.name() + ".");
    }
}
