package dev.kindred.memory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Archival memory's storage; search lives above it and keeps its own per-agent index. */
public interface PassageStore {

    Passage insert(Passage passage);

    Optional<Passage> get(String agentId, String passageId);

    /** The agent's passages with these ids (those that exist): one read for a page of search hits. */
    default List<Passage> byIds(String agentId, Collection<String> passageIds) {
        return passageIds.stream()
                .map(id -> get(agentId, id))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Newest first. */
    List<Passage> list(String agentId, int offset, int limit);

    /** Visits every passage of the agent, oldest first (to build a search index). */
    void forEach(String agentId, Consumer<Passage> visitor);

    long count(String agentId);

    boolean delete(String agentId, String passageId);

    long deleteAll(String agentId);
}
