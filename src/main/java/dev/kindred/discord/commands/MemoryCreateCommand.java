package dev.kindred.discord.commands;

import dev.kindred.agent.BlockEditor;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /memory create label [value] [limit] [description]}: a new block for the agent. */
final class MemoryCreateCommand implements SlashCommand {
    @Override
    public String group() {
        return "memory";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("create", "Create a memory block")
                .addOption(OptionType.STRING, "label", "Its label (letters, digits, _ . -)", true)
                .addOption(OptionType.STRING, "value", "What it holds at first", false)
                .addOptions(new OptionData(OptionType.INTEGER, "limit", "Its size limit in characters", false)
                        .setRequiredRange(1, Block.MAX_LIMIT))
                .addOption(OptionType.STRING, "description", "What the block is for (the model sees this)", false);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        String label = call.string("label").strip();
        if (MemoryRules.isServer(agent) && BlockEditor.HUMAN.equals(label)) {
            throw new UserInputException("In a server, `human` is each member's own block; pick another label.");
        }
        String value = call.optionalString("value").orElse("").strip();
        int limit = call.optionalLong("limit").map(Long::intValue).orElse(Block.DEFAULT_LIMIT);
        String description = call.optionalString("description").orElse("");
        Block block = call.bot()
                .services()
                .blocks()
                .create(new NewBlock(agent.id(), label, value, limit, description, false, null), call.author());
        call.bot().services().checkpoint().commit();
        call.reply("Created `" + block.label() + "` (" + MemoryRules.size(block) + ").");
    }
}
