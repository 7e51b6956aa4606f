package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /memory revert label version}: restores an earlier value, as a new version. */
final class MemoryRevertCommand implements SlashCommand {
    @Override
    public String group() {
        return "memory";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("revert", "Restore an earlier version of a memory block")
                .addOption(OptionType.STRING, "label", "The block", true)
                .addOption(OptionType.INTEGER, "version", "The version to restore (see /memory history)", true);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        Block block = MemoryRules.find(call, agent, call.string("label"));
        MemoryRules.requireEdit(call, agent, block);
        long version = call.optionalLong("version").orElseThrow();
        Block restored = call.bot().services().blocks().revert(block.id(), version, call.author());
        call.bot().services().checkpoint().commit();
        call.reply("Restored `" + restored.label() + "` to version " + version + " (now version " + restored.version()
                + ").");
    }
}
