package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /memory delete label}: removes the block from this agent (other agents sharing it keep it). */
final class MemoryDeleteCommand implements SlashCommand {
    @Override
    public String group() {
        return "memory";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("delete", "Delete a memory block from this agent")
                .addOption(OptionType.STRING, "label", "The block", true);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        Block block = MemoryRules.find(call, agent, call.string("label"));
        MemoryRules.requireEdit(call, agent, block);
        call.bot().services().blocks().detach(block.id(), agent.id());
        call.bot().services().checkpoint().commit();
        call.reply("Deleted `" + block.label() + "` from " + agent.name()
                + (block.isShared() ? " (other agents sharing it keep it)." : "; its history is kept."));
    }
}
