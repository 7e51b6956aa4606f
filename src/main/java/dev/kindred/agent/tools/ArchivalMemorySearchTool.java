package dev.kindred.agent.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Passage;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import dev.kindred.model.ToolDefinition;
import java.time.ZoneId;
import java.util.Set;

/** {@code archival_memory_search(query, tags?, tag_match_mode?, top_k?, start_datetime?, end_datetime?)}. */
public final class ArchivalMemorySearchTool implements Tool {
    private final ArchivalMemory archival;

    public ArchivalMemorySearchTool(ArchivalMemory archival) {
        this.archival = archival;
    }

    @Override
    public boolean onlyReads() {
        return true;
    }

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(
                "archival_memory_search",
                "Search archival memory by meaning and keywords. Filters (tags, dates) apply before the top_k cut.",
                Tool.schema()
                        .string("query", "What to look for.", true)
                        .strings("tags", "Only passages with these tags.", false)
                        .string("tag_match_mode", "'any' (default) or 'all' of the tags.", false)
                        .integer("top_k", "How many results (default 10, at most 100).", false)
                        .string("start_datetime", "Only passages from this date/time on (ISO, e.g. 2024-05-01).", false)
                        .string(
                                "end_datetime",
                                "Only passages up to this date/time (ISO; a date includes that day).",
                                false)
                        .build());
    }

    @Override
    public ToolResult execute(ToolContext context, ToolArgs args) {
        ZoneId zone = ZoneId.of(context.agent().timezone());
        SearchQuery query = new SearchQuery(
                args.string("query"),
                args.strings("tags"),
                "all".equalsIgnoreCase(args.optionalString("tag_match_mode").orElse("any")),
                args.instant("start_datetime", zone, false).orElse(null),
                args.instant("end_datetime", zone, true).orElse(null),
                Set.of(),
                args.integer("top_k", 10));
        ArrayNode results = ToolResult.JSON.createArrayNode();
        for (SearchHit<Passage> hit : archival.search(context.agent().id(), query)) {
            Passage p = hit.item();
            ArrayNode tags = ToolResult.JSON.createArrayNode();
            p.tags().forEach(tags::add);
            results.addObject()
                    .put("id", p.id())
                    .put(
                            "timestamp",
                            p.createdAt().atZone(zone).toOffsetDateTime().toString())
                    .put("content", p.text())
                    .put("relevance", Math.round(hit.score() * 10_000) / 10_000.0)
                    .set("tags", tags);
        }
        return ToolResult.ok(results);
    }
}
