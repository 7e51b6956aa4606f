package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.UserInputException;
import org.junit.jupiter.api.Test;

/**
 * Bad input fails with a message a user can act on, and leaves the stored data as it was: the block,
 * its version and its history.
 */
public interface BlockBadInputContract {
    BlockStore blocks();

    private Block storedBlock(String agent, int limit, boolean readOnly) {
        return blocks().create(
                        new NewBlock(agent, "human", "Name: Sam", limit, "about the user", readOnly, null),
                        Authors.AGENT);
    }

    private void assertUnchanged(Block block) {
        assertThat(blocks().get(block.id())).contains(block);
        assertThat(blocks().history(block.id())).hasSize((int) block.version());
    }

    @Test
    default void overLimitEditFailsAndChangesNothing() {
        Block block = storedBlock(BlockStoreContract.freshAgent(), 20, false);

        assertThatThrownBy(() -> blocks().update(block.id(), 1, "Name: Sam, who likes long walks", Authors.AGENT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("block 'human' would hold 31 characters but its limit is 20");
        assertUnchanged(block);
    }

    @Test
    default void megabyteValueIsRefusedAndChangesNothing() {
        Block block = storedBlock(BlockStoreContract.freshAgent(), Block.MAX_LIMIT, false);
        String megabyte = "x".repeat(1 << 20);

        assertThatThrownBy(() -> blocks().update(block.id(), 1, megabyte, Authors.AGENT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("limit is " + Block.MAX_LIMIT);
        assertThatThrownBy(() -> NewBlock.of(block.agentIds().iterator().next(), "big", megabyte))
                .isInstanceOf(UserInputException.class);
        assertUnchanged(block);
    }

    @Test
    default void readOnlyBlockRefusesEditsAndReverts() {
        Block block = storedBlock(BlockStoreContract.freshAgent(), 100, true);

        assertThatThrownBy(() -> blocks().update(block.id(), 1, "Name: Alex", Authors.AGENT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> blocks().revert(block.id(), 1, Authors.AGENT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("read-only");
        assertUnchanged(block);
    }

    @Test
    default void duplicateLabelOnCreateFailsAndChangesNothing() {
        String agent = BlockStoreContract.freshAgent();
        Block block = storedBlock(agent, 100, false);

        assertThatThrownBy(() -> blocks().create(NewBlock.of(agent, "human", "someone else"), Authors.AGENT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("already has a block labelled 'human'");
        assertThat(blocks().sharedBlocks(agent)).containsExactly(block);
        assertUnchanged(block);
    }

    @Test
    default void emptyAndMalformedLabelsAreRefusedBeforeAnythingIsStored() {
        String agent = BlockStoreContract.freshAgent();

        assertThatThrownBy(() -> NewBlock.of(agent, "", "x"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> NewBlock.of(agent, "  ", "x")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> NewBlock.of(agent, "my label!", "x"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("is invalid");
        assertThat(blocks().sharedBlocks(agent)).isEmpty();
    }

    @Test
    default void unknownLabelsAndBlocksAreReportedNotInvented() {
        String agent = BlockStoreContract.freshAgent();
        Block block = storedBlock(agent, 100, false);

        assertThat(blocks().find(agent, "hobbies", null)).isEmpty();
        assertThatThrownBy(() -> blocks().update("no-such-block", 1, "x", Authors.AGENT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("no block");
        assertThatThrownBy(() -> blocks().attach("no-such-block", agent)).isInstanceOf(UserInputException.class);
        assertThat(blocks().sharedBlocks(agent)).containsExactly(block);
    }

    @Test
    default void overLimitValueAtCreationIsRefused() {
        String agent = BlockStoreContract.freshAgent();

        assertThatThrownBy(() -> new NewBlock(agent, "human", "too long", 3, "", false, null))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("limit is 3");
        assertThatThrownBy(() -> new NewBlock(agent, "human", "", Block.MAX_LIMIT + 1, "", false, null))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("limit must be between");
        assertThat(blocks().sharedBlocks(agent)).isEmpty();
    }
}
