package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/** {@code /memory view [label]}: the blocks with their sizes, or one block in full. */
final class MemoryViewCommand implements SlashCommand {
    private static final int FIELD_PREVIEW = 1_000;

    @Override
    public String group() {
        return "memory";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("view", "Show the memory blocks, or one in full")
                .addOption(OptionType.STRING, "label", "The block to show (e.g. persona, human)", false);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        var label = call.optionalString("label");
        if (label.isPresent()) {
            showOne(call, MemoryRules.find(call, agent, label.get()));
        } else {
            showAll(call, agent, MemoryRules.visible(call, agent));
        }
    }

    private static void showOne(CommandCall call, Block block) {
        if (block.value().length() > MessageEmbed.DESCRIPTION_MAX_LENGTH) {
            call.replyFile(
                    "`" + block.label() + "` (" + MemoryRules.size(block) + ", version " + block.version() + ")",
                    FileUpload.fromData(block.value().getBytes(StandardCharsets.UTF_8), block.label() + ".txt"));
            return;
        }
        call.replyEmbed(new EmbedBuilder()
                .setTitle(block.label() + (block.isMemberBlock() ? " (yours)" : ""))
                .setDescription(block.value().isEmpty() ? "*(empty)*" : block.value())
                .setFooter(MemoryRules.size(block) + " · version " + block.version() + " · last changed by "
                        + block.updatedBy())
                .build());
    }

    private static void showAll(CommandCall call, Agent agent, List<Block> blocks) {
        EmbedBuilder embed = new EmbedBuilder().setTitle("Memory of " + agent.name());
        for (Block block : blocks) {
            String value = block.value().isEmpty() ? "*(empty)*" : block.value();
            if (value.length() > FIELD_PREVIEW) {
                value = value.substring(0, FIELD_PREVIEW) + "...";
            }
            embed.addField(block.label() + " (" + MemoryRules.size(block) + ")", value, false);
        }
        if (blocks.isEmpty()) {
            embed.setDescription("No blocks yet.");
        }
        call.replyEmbed(embed.build());
    }
}
