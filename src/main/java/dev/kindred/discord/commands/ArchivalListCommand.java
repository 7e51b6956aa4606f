package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Passage;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /archival list [page]}: the newest passages, ten a page. */
final class ArchivalListCommand implements SlashCommand {
    private static final int PAGE = 10;

    @Override
    public String group() {
        return "archival";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("list", "List the newest passages in the archive")
                .addOptions(new OptionData(OptionType.INTEGER, "page", "Page (1 is the newest)", false).setMinValue(1));
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireRead(agent, call.user());
        int page = call.optionalLong("page").map(Long::intValue).orElse(1);
        long total = call.bot().services().passages().count(agent.id());
        List<Passage> passages = call.bot().services().passages().list(agent.id(), (page - 1) * PAGE, PAGE);
        StringBuilder text = new StringBuilder("Archive of " + agent.name() + ": " + total + " passage(s).\n");
        passages.forEach(p -> text.append(Texts.passageLine(p)).append('\n'));
        call.reply(text.toString());
    }
}
