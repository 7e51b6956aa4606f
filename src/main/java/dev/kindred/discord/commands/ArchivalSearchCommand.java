package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Passage;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /archival search query [tags] [limit]}: hybrid search of the agent's archive; in a server,
 * only passages from channels the caller can read.
 */
final class ArchivalSearchCommand implements SlashCommand {
    @Override
    public String group() {
        return "archival";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("search", "Search the agent's archive")
                .addOption(OptionType.STRING, "query", "What to look for", true)
                .addOption(OptionType.STRING, "tags", "Only passages with one of these tags (comma-separated)", false)
                .addOptions(new OptionData(OptionType.INTEGER, "limit", "How many results (default 5)", false)
                        .setRequiredRange(1, 20));
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireRead(agent, call.user());
        List<String> tags =
                call.optionalString("tags").map(ArchivalSearchCommand::tags).orElse(List.of());
        int limit = call.optionalLong("limit").map(Long::intValue).orElse(5);
        List<SearchHit<Passage>> hits = search(call, agent, tags, limit);
        if (hits.isEmpty()) {
            call.reply("Nothing in the archive matches that.");
            return;
        }
        StringBuilder text = new StringBuilder();
        for (SearchHit<Passage> hit : hits) {
            text.append(Texts.passageLine(hit.item())).append('\n');
        }
        call.reply(text.toString());
    }

    private static List<SearchHit<Passage>> search(CommandCall call, Agent agent, List<String> tags, int limit) {
        ArchivalMemory archival = call.bot().services().archival();
        String text = call.string("query");
        if (!call.inGuild()) {
            return archival.search(agent.id(), new SearchQuery(text, tags, false, null, null, Set.of(), limit));
        }
        SearchQuery wide = new SearchQuery(text, tags, false, null, null, Set.of(), SearchQuery.MAX_LIMIT);
        return archival.search(agent.id(), wide).stream()
                .filter(hit -> call.bot().access().canView(call.member(), hit.item()))
                .limit(limit)
                .toList();
    }

    static List<String> tags(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
