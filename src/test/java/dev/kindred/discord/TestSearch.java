package dev.kindred.discord;

import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Passage;
import dev.kindred.memory.PassageStore;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Keyword-only recall and archival over the real stores, for these tests until the hybrid search
 * lands in main (the commands only need "finds what contains the words").
 */
final class TestSearch {
    private TestSearch() {}

    static RecallMemory recall(MessageStore store) {
        return new RecallMemory() {
            @Override
            public Message append(NewMessage message) {
                return store.append(message);
            }

            @Override
            public List<SearchHit<Message>> search(String agentId, SearchQuery query) {
                return store.range(agentId, 1, Long.MAX_VALUE).stream()
                        .filter(m -> contains(m.content(), query.text()))
                        .limit(query.limit())
                        .map(m -> new SearchHit<>(m, 1.0))
                        .toList();
            }

            @Override
            public void evict(String agentId) {}
        };
    }

    static ArchivalMemory archival(PassageStore store) {
        return new ArchivalMemory() {
            @Override
            public Passage insert(String agentId, String text, List<String> tags, String source) {
                return store.insert(new Passage(
                        UUID.randomUUID().toString(), agentId, text, tags, new float[0], Instant.now(), source));
            }

            @Override
            public List<SearchHit<Passage>> search(String agentId, SearchQuery query) {
                List<SearchHit<Passage>> hits = new ArrayList<>();
                store.forEach(agentId, p -> {
                    if (contains(p.text(), query.text()) && hits.size() < query.limit()) {
                        hits.add(new SearchHit<>(p, 1.0));
                    }
                });
                return hits;
            }

            @Override
            public boolean delete(String agentId, String passageId) {
                return store.delete(agentId, passageId);
            }

            @Override
            public void evict(String agentId) {}
        };
    }

    private static boolean contains(String text, String query) {
        return text.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }
}
