package dev.kindred.discord.commands;

import dev.kindred.discord.Access;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Message;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /recall search query [limit]}: searches everything ever said to and by the agent. In a server
 * the caller sees only what was said in channels they can read, since a server agent hears them all.
 */
final class RecallSearchCommand implements SlashCommand {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Override
    public String group() {
        return "recall";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("search", "Search past conversation")
                .addOption(OptionType.STRING, "query", "What to look for", true)
                .addOptions(new OptionData(OptionType.INTEGER, "limit", "How many results (default 5)", false)
                        .setRequiredRange(1, 20));
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireRead(agent, call.user());
        int limit = call.optionalLong("limit").map(Long::intValue).orElse(5);
        List<SearchHit<Message>> hits = search(call, agent, call.string("query"), limit);
        if (hits.isEmpty()) {
            call.reply("Nothing said so far matches that.");
            return;
        }
        StringBuilder text = new StringBuilder();
        for (SearchHit<Message> hit : hits) {
            Message m = hit.item();
            text.append(WHEN.format(m.createdAt()))
                    .append(" **")
                    .append(m.speaker().name())
                    .append("**: ")
                    .append(Texts.preview(m.content(), 200))
                    .append('\n');
        }
        call.reply(text.toString());
    }

    /**
     * Recall cannot filter by channel before its cut, so in a server this asks for the most it gives and
     * keeps the first {@code limit} the caller may see; otherwise hidden hits would crowd out visible ones.
     */
    private static List<SearchHit<Message>> search(CommandCall call, Agent agent, String query, int limit) {
        RecallMemory recall = call.bot().services().recall();
        if (!call.inGuild()) {
            return recall.search(agent.id(), SearchQuery.of(query, limit));
        }
        Access access = call.bot().access();
        return recall.search(agent.id(), SearchQuery.of(query, SearchQuery.MAX_LIMIT)).stream()
                .filter(hit -> access.canView(call.member(), hit.item().channelId()))
                .limit(limit)
                .toList();
    }
}
