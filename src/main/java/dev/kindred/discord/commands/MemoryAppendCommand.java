package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import dev.kindred.memory.MemoryConflictException;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /memory append label text}: adds a line to a block (re-read and retried if it moved meanwhile). */
final class MemoryAppendCommand implements SlashCommand {
    private static final int ATTEMPTS = 3;

    @Override
    public String group() {
        return "memory";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("append", "Add a line to a memory block")
                .addOption(OptionType.STRING, "label", "The block", true)
                .addOption(OptionType.STRING, "text", "What to add", true);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        String text = call.string("text").strip();
        for (int attempt = 1; ; attempt++) {
            Block block = MemoryRules.find(call, agent, call.string("label"));
            MemoryRules.requireEdit(call, agent, block);
            String next = block.value().isEmpty() ? text : block.value() + "\n" + text;
            try {
                Block saved = call.bot().services().blocks().update(block.id(), block.version(), next, call.author());
                call.bot().services().checkpoint().commit();
                call.reply("Added to `" + saved.label() + "` (" + MemoryRules.size(saved) + ").");
                return;
            } catch (MemoryConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
