package dev.kindred.agent.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kindred.memory.Message;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.Role;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.UserInputException;
import dev.kindred.model.ToolDefinition;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** {@code conversation_search(query, roles?, limit?, start_date?, end_date?)}: hybrid search of recall. */
public final class ConversationSearchTool implements Tool {
    private static final Set<Role> SEARCHED = EnumSet.of(Role.USER, Role.ASSISTANT, Role.SUMMARY);

    private final RecallMemory recall;

    public ConversationSearchTool(RecallMemory recall) {
        this.recall = recall;
    }

    @Override
    public boolean onlyReads() {
        return true;
    }

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(
                "conversation_search",
                "Search the whole past conversation (also what has left your context) by meaning and keywords.",
                Tool.schema()
                        .string("query", "What to look for.", true)
                        .strings("roles", "Only these roles: user, assistant, summary.", false)
                        .integer("limit", "How many results (default 10, at most 100).", false)
                        .string("start_date", "Only messages from this date on (ISO, e.g. 2024-05-01).", false)
                        .string("end_date", "Only messages up to this date (inclusive).", false)
                        .build());
    }

    @Override
    public ToolResult execute(ToolContext context, ToolArgs args) {
        ZoneId zone = ZoneId.of(context.agent().timezone());
        SearchQuery query = new SearchQuery(
                args.string("query"),
                java.util.List.of(),
                false,
                args.instant("start_date", zone, false).orElse(null),
                args.instant("end_date", zone, true).orElse(null),
                roles(args),
                args.integer("limit", 10));
        ArrayNode results = ToolResult.JSON.createArrayNode();
        for (SearchHit<Message> hit : recall.search(context.agent().id(), query)) {
            Message m = hit.item();
            results.addObject()
                    .put(
                            "timestamp",
                            m.createdAt().atZone(zone).toOffsetDateTime().toString())
                    .put("role", m.role().name().toLowerCase(Locale.ROOT))
                    .put("speaker", m.speaker().name())
                    .put("content", m.content());
        }
        return ToolResult.ok(results);
    }

    /** Tool results and system notes are not searched: results repeat what a search found. */
    private static Set<Role> roles(ToolArgs args) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : args.strings("roles")) {
            Role role = SEARCHED.stream()
                    .filter(r -> r.name().equalsIgnoreCase(name.trim()))
                    .findFirst()
                    .orElseThrow(() -> new UserInputException(
                            "role '" + name + "' is not searched: use user, assistant or summary"));
            roles.add(role);
        }
        return roles;
    }
}
