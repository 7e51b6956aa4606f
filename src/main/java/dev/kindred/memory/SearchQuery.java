package dev.kindred.memory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A hybrid search: free text, optional tags (any or all must match), a time range (inclusive
 * {@code from}, exclusive {@code to}), roles (recall only; empty means all) and how many results.
 * Filters apply before the cut, so {@code limit} results come back when that many match.
 */
public record SearchQuery(
        String text,
        List<String> tags,
        boolean matchAllTags,
        @Nullable Instant from,
        @Nullable Instant to,
        Set<Role> roles,
        int limit) {

    public static final int MAX_LIMIT = 100;

    public SearchQuery {
        tags = List.copyOf(tags);
        roles = Set.copyOf(roles);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new UserInputException("a search returns between 1 and " + MAX_LIMIT + " results, got " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UserInputException("the search's start date must be before its end date");
        }
    }

    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, List.of(), false, null, null, Set.of(), limit);
    }
}
