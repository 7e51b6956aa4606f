package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Binding;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.Message;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.Passage;
import dev.kindred.memory.UserInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything written through one embedded server is there, with its unique indexes, after a restart. */
class RestartTest {
    private final TestClock clock = new TestClock();

    @TempDir
    Path dataDir;

    @Test
    void aNewServerOnTheSameFilesReadsEverythingBackAndKeepsUniqueIndexes() {
        AgentScope scope = AgentStoreContract.freshScope();
        Written written;
        try (MongoStorage first = MongoStorage.open(EmbeddedStorageFixture.config(dataDir), clock)) {
            written = write(first, scope);
        }

        try (MongoStorage second = MongoStorage.open(EmbeddedStorageFixture.config(dataDir), clock)) {
            assertThat(second.agents().get(written.agent().id())).contains(written.agent());
            assertThat(second.agents().findByName(scope, "Luna")).contains(written.agent());
            assertThat(second.blocks().sharedBlocks(written.agent().id())).containsExactly(written.block());
            assertThat(second.blocks().history(written.block().id()))
                    .extracting(BlockVersion::value)
                    .containsExactly("likes tea", "likes green tea");
            assertThat(second.messages().latest(written.agent().id(), 10))
                    .containsExactlyElementsOf(written.messages());
            assertThat(second.passages()
                            .get(written.agent().id(), written.passage().id()))
                    .hasValueSatisfying(p -> assertThat(p.embedding())
                            .containsExactly(written.passage().embedding()));
            assertThat(second.bindings().find(written.binding().scopeKey())).contains(written.binding());

            assertThat(second.messages()
                            .append(MessageStoreContract.said(written.agent().id(), "again", "discord-1")))
                    .isEqualTo(written.messages().get(0));
            assertThat(second.messages()
                            .append(MessageStoreContract.said(written.agent().id(), "new", null))
                            .seq())
                    .isEqualTo(3);
            assertThatThrownBy(() -> second.agents().create(AgentStoreContract.newAgent(scope, "luna")))
                    .isInstanceOf(UserInputException.class);
            assertThatThrownBy(() ->
                            second.blocks().create(NewBlock.of(written.agent().id(), "human", "x"), "agent"))
                    .isInstanceOf(UserInputException.class);
            assertThat(second.messages().count(written.agent().id())).isEqualTo(3);
        }
    }

    @Test
    void checkpointCommitsWhileTheServerRuns() {
        try (MongoStorage storage = MongoStorage.open(EmbeddedStorageFixture.config(dataDir), clock)) {
            storage.agents().create(AgentStoreContract.newAgent(AgentStoreContract.freshScope(), "Luna"));
            storage.checkpoint().commit();
            assertThat(dataDir.resolve(EmbeddedMongo.FILE_NAME)).isNotEmptyFile();
        }
    }

    private record Written(Agent agent, Block block, List<Message> messages, Passage passage, Binding binding) {}

    private static Written write(MongoStorage storage, AgentScope scope) {
        Agent agent = storage.agents().create(AgentStoreContract.newAgent(scope, "Luna"));
        Block block = storage.blocks().create(NewBlock.of(agent.id(), "human", "likes tea"), Authors.user("42"));
        block = storage.blocks().update(block.id(), 1, "likes green tea", Authors.AGENT);
        Message first = storage.messages().append(MessageStoreContract.said(agent.id(), "hi", "discord-1"));
        Message second = storage.messages().append(MessageStoreContract.said(agent.id(), "there", null));
        Passage passage = storage.passages().insert(PassageStoreContract.passage(agent.id(), "Sam likes tea", 0));
        Binding binding =
                storage.bindings().bind(new Binding(Binding.channel("c-1"), agent.id(), ListenMode.ALL, "guild-1"));
        return new Written(agent, block, List.of(first, second), passage, binding);
    }
}
