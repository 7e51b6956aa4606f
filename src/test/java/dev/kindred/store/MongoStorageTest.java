package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.config.MongoConfig;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.MemoryConflictException;
import dev.kindred.memory.NewBlock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configured URI is used as a real MongoDB would be. Two storages on one server stand for two
 * processes: each has its own caches, and a stale cache must never hide the other's write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoStorageTest {
    @TempDir
    static Path dataDir;

    private final TestClock clock = new TestClock();
    private EmbeddedMongo server;
    private MongoStorage first;
    private MongoStorage second;

    @BeforeAll
    void start() {
        server = EmbeddedMongo.start(dataDir);
        MongoConfig config = new MongoConfig("mongodb://127.0.0.1:" + server.port(), "kindred", "unused");
        first = MongoStorage.open(config, clock);
        second = MongoStorage.open(config, clock);
    }

    @AfterAll
    void stop() {
        first.close();
        second.close();
        server.close();
    }

    @Test
    void aConfiguredUriIsUsedAndGetsTheIndexes() {
        List<String> indexes = first.database()
                .getCollection(Schema.BLOCKS)
                .listIndexes()
                .map(index -> index.get("key", Document.class).keySet().toString())
                .into(new ArrayList<>());

        assertThat(first.isEmbedded()).isFalse();
        assertThat(indexes).contains("[agentIds, memberId, label]");
        first.checkpoint().commit();
    }

    @Test
    void aStaleBlockCacheInOneProcessNeverHidesTheOtherProcessesEdit() {
        String agent = BlockStoreContract.freshAgent();
        Block block = first.blocks().create(NewBlock.of(agent, "human", "likes tea"), Authors.AGENT);
        assertThat(first.blocks().find(agent, "human", null)).contains(block);

        Block theirs = second.blocks().update(block.id(), 1, "likes coffee", Authors.user("42"));

        assertThatThrownBy(() -> first.blocks().update(block.id(), 1, "likes green tea", Authors.SLEEPTIME))
                .isInstanceOfSatisfying(
                        MemoryConflictException.class,
                        e -> assertThat(e.changedBy()).isEqualTo("user:42"));
        assertThat(first.blocks().find(agent, "human", null))
                .as("the conflict refreshed the cache")
                .contains(theirs);
    }

    @Test
    void anAgentUpdateBuildsOnTheOtherProcessesChangeDespiteACachedCopy() {
        Agent agent = first.agents().create(AgentStoreContract.newAgent(AgentStoreContract.freshScope(), "Luna"));
        first.agents().get(agent.id());
        second.agents().update(agent.id(), a -> a.withInstructions("Be brief."));

        Agent updated = first.agents().update(agent.id(), a -> a.withModel("openai/gpt-4.1", null));

        assertThat(updated.version()).isEqualTo(3);
        assertThat(updated.instructions()).isEqualTo("Be brief.");
        assertThat(first.agents().get(agent.id())).contains(updated);
    }
}
