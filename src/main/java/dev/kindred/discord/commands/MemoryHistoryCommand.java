package dev.kindred.discord.commands;

import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /memory history label}: the block's recent versions and who made them. */
final class MemoryHistoryCommand implements SlashCommand {
    private static final int SHOWN = 10;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Override
    public String group() {
        return "memory";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("history", "Show who changed a memory block, and when")
                .addOption(OptionType.STRING, "label", "The block", true);
    }

    @Override
    public void run(CommandCall call) {
        Block block = MemoryRules.find(call, call.agent(), call.string("label"));
        List<BlockVersion> versions = call.bot().services().blocks().history(block.id());
        StringBuilder text = new StringBuilder("History of `" + block.label() + "` (newest first):\n");
        for (int i = versions.size() - 1; i >= Math.max(0, versions.size() - SHOWN); i--) {
            BlockVersion v = versions.get(i);
            String preview = v.value().replace('\n', ' ');
            text.append("**v")
                    .append(v.version())
                    .append("** · ")
                    .append(v.author())
                    .append(" · ")
                    .append(WHEN.format(v.createdAt()))
                    .append(" · ")
                    .append(preview.length() > 80 ? preview.substring(0, 80) + "..." : preview)
                    .append('\n');
        }
        text.append("Restore one with `/memory revert label:")
                .append(block.label())
                .append(" version:`");
        call.reply(text.toString());
    }
}
