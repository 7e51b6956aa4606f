package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting an agent on the real runtime and embedded store: what was only that agent's leaves no
 * document behind (usage, which holds token counts and cost only, excepted); a block another agent
 * still uses stays with it.
 */
class AgentDeletionTest {
    private static final Speaker BOB = new Speaker("222222222222222222", "Bob");
    private static final String CAROL = "333333333333333333";

    @TempDir
    Path dir;

    private RuntimeFixture fixture;

    @BeforeEach
    void open() {
        fixture = RuntimeFixture.builder(dir).build();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void deletingADmAgentLeavesNoBlockHistoryVectorsOrJobsOfIt() {
        Agent companion = fixture.directory.create("Companion", AgentScope.dm(BOB.id()), BOB.id(), "test/tiny");
        Block human =
                fixture.services.blocks().find(companion.id(), "human", null).orElseThrow();
        fixture.services.blocks().update(human.id(), human.version(), "Bob-secret-zebra", Authors.user(BOB.id()));
        Block notes = fixture.services
                .blocks()
                .create(NewBlock.of(companion.id(), "notes", "Bob-notes-heron"), Authors.AGENT);
        fixture.services.blocks().detach(notes.id(), companion.id());
        fixture.services
                .recall()
                .append(NewMessage.text(
                        companion.id(), Role.USER, "my diary zebra", BOB, "dm-" + BOB.id(), Instant.now()));
        insert("sleeptime_jobs", new Document("_id", "job-1").append("agentId", companion.id()));
        insert("sleeptime_counters", new Document("_id", companion.id() + "|dm").append("agentId", companion.id()));
        insert("sleeptime_leases", new Document("_id", companion.id()));
        insert("usage", new Document("agentId", companion.id()).append("inputTokens", 100));

        fixture.directory.delete(companion.id());

        assertThat(documentsMentioning(companion.id()))
                .as("only its usage stays")
                .singleElement()
                .asString()
                .startsWith("usage: ");
        assertThat(documentsMentioning("Bob-")).isEmpty();
        assertThat(documentsMentioning("zebra")).isEmpty();
    }

    @Test
    void deletingAServerAgentLeavesNoMemberBlockOrItsHistory() {
        Agent guide = fixture.directory.create("Guide", AgentScope.guild("g1"), "g1", "test/tiny");
        Block carols = fixture.services
                .blocks()
                .create(new NewBlock(guide.id(), "human", "Carol-otter", 500, "", false, CAROL), Authors.AGENT);
        fixture.services.blocks().update(carols.id(), carols.version(), "Carol-private-otter", Authors.AGENT);

        fixture.directory.delete(guide.id());

        assertThat(fixture.services.blocks().blocksOfMember(CAROL)).isEmpty();
        assertThat(fixture.services.blocks().history(carols.id())).isEmpty();
        assertThat(documentsMentioning(guide.id())).isEmpty();
        assertThat(documentsMentioning("otter")).isEmpty();
    }

    @Test
    void aBlockSharedWithAnotherAgentSurvivesDetachedWithItsHistory() {
        Agent gone = fixture.directory.create("Gone", AgentScope.guild("g1"), "g1", "test/tiny");
        Agent stays = fixture.directory.create("Stays", AgentScope.guild("g1"), "g1", "test/tiny");
        Block rules = fixture.services.blocks().create(NewBlock.of(gone.id(), "rules", "Be kind."), Authors.SYSTEM);
        fixture.services.blocks().attach(rules.id(), stays.id());
        fixture.services.blocks().update(rules.id(), rules.version(), "Be kind, always.", Authors.AGENT);

        fixture.directory.delete(gone.id());

        Block kept = fixture.services.blocks().get(rules.id()).orElseThrow();
        assertThat(kept.agentIds()).containsExactly(stays.id());
        assertThat(kept.value()).isEqualTo("Be kind, always.");
        assertThat(fixture.services.blocks().history(rules.id()))
                .extracting(BlockVersion::value)
                .containsExactly("Be kind.", "Be kind, always.");
        assertThat(fixture.services.blocks().allBlocks(stays.id()))
                .extracting(Block::label)
                .contains("rules");
    }

    private void insert(String collection, Document document) {
        fixture.storage.database().getCollection(collection).insertOne(document);
    }

    /** Every document of every collection that contains {@code text}, as "collection: json". */
    private List<String> documentsMentioning(String text) {
        List<String> found = new ArrayList<>();
        for (String collection : fixture.storage.database().listCollectionNames()) {
            for (Document document :
                    fixture.storage.database().getCollection(collection).find()) {
                String json = collection + ": " + document.toJson();
                if (json.contains(text)) {
                    found.add(json);
                }
            }
        }
        return found;
    }
}
