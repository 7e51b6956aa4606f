package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Passage;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /archival list [page]}: the newest passages, ten a page; in a server, those from channels the
 * caller cannot read are left out (and counted).
 */
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
        List<Passage> shown = passages.stream()
                .filter(p -> !call.inGuild() || call.bot().access().canView(call.member(), p))
                .toList();
        shown.forEach(p -> text.append(Texts.passageLine(p)).append('\n'));
        if (shown.size() < passages.size()) {
            text.append(passages.size() - shown.size())
                    .append(" passage(s) on this page come from channels you can't read.\n");
        }
        call.reply(text.toString());
    }
}
