package dev.kindred.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.agent.BlockEditor;
import dev.kindred.agent.BlockReads;
import dev.kindred.memory.Agent;
import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.Passage;
import dev.kindred.memory.SampleAgents;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.Speaker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolSetTest {
    private static final Agent SAM = SampleAgents.sam();

    private final ToolSet tools = ToolSet.primary(new BlockEditor(null, 2000), new UnavailableArchive(), null, false);
    private final ToolContext context =
            new ToolContext(SAM, new Speaker("42", "Ada"), "agent", Instant.EPOCH, new BlockReads(), "dm-1");

    /** Archival memory whose store is down: every call fails inside Kindred. */
    private static final class UnavailableArchive implements ArchivalMemory {
        @Override
        public Passage insert(String agentId, String text, List<String> tags, String source, String channelId) {
            throw new IllegalStateException("the passage store is unavailable");
        }

        @Override
        public List<SearchHit<Passage>> search(String agentId, SearchQuery query) {
            throw new IllegalStateException("the passage index is unavailable");
        }

        @Override
        public boolean delete(String agentId, String passageId) {
            throw new IllegalStateException("the passage store is unavailable");
        }

        @Override
        public void evict(String agentId) {}
    }

    @Test
    void conversationSearchRefusesARoleItNeverSearchesInsteadOfFindingNothing() {
        ToolResult result = tools.call("conversation_search", "{\"query\":\"tea\",\"roles\":[\"tool\"]}", context);

        assertThat(result.failed()).isTrue();
        assertThat(result.toJson()).contains("role 'tool' is not searched");
    }

    @Test
    void aToolThatFailsInsideKindredGivesTheModelAFailedResultInsteadOfEndingTheTurn() {
        ToolResult result = tools.call("archival_memory_insert", "{\"content\":\"Ada's door is blue.\"}", context);

        assertThat(result.failed()).isTrue();
        assertThat(result.toJson()).contains("archival_memory_insert").doesNotContain("unavailable");
    }

    /** Only a search may wait to be recorded: every other tool (or an alias of one) can change memory. */
    @Test
    void onlyTheSearchesAndUnknownToolsOnlyRead() {
        ToolSet editing = ToolSet.primary(new BlockEditor(null, 2000), new UnavailableArchive(), null, true);

        assertThat(List.of("conversation_search", "archival_memory_search", "no_such_tool"))
                .allMatch(editing::onlyReads);
        assertThat(List.of("archival_memory_insert", "memory_replace", "memory_insert", "core_memory_append"))
                .noneMatch(editing::onlyReads);
    }
}
