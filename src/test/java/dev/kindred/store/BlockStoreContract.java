package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.MemoryConflictException;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.UserInputException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link BlockStore} does; an implementation's test supplies the store. */
public interface BlockStoreContract {
    BlockStore blocks();

    static String freshAgent() {
        return "agent-" + UUID.randomUUID();
    }

    @Test
    default void createdBlockStartsAtVersionOneAndItsFirstVersionIsInHistory() {
        String agent = freshAgent();
        Block block = blocks().create(NewBlock.of(agent, "persona", "I am Luna."), Authors.IMPORT);

        assertThat(block.version()).isEqualTo(1);
        assertThat(block.agentIds()).containsExactly(agent);
        assertThat(blocks().get(block.id())).contains(block);
        assertThat(blocks().history(block.id()))
                .extracting(BlockVersion::version, BlockVersion::value, BlockVersion::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "I am Luna.", Authors.IMPORT));
    }

    @Test
    default void editMovesTheVersionAndKeepsEveryVersionWithItsAuthor() {
        String agent = freshAgent();
        Block block = blocks().create(NewBlock.of(agent, "human", "Name: Sam"), Authors.user("42"));

        Block edited = blocks().update(block.id(), 1, "Name: Sam\nLikes tea", Authors.AGENT);
        Block again = blocks().update(block.id(), 2, "Name: Sam\nLikes green tea", Authors.SLEEPTIME);

        assertThat(again.version()).isEqualTo(3);
        assertThat(again.updatedBy()).isEqualTo(Authors.SLEEPTIME);
        assertThat(edited.value()).isEqualTo("Name: Sam\nLikes tea");
        assertThat(blocks().history(block.id()))
                .extracting(BlockVersion::version, BlockVersion::author)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, Authors.user("42")),
                        org.assertj.core.groups.Tuple.tuple(2L, Authors.AGENT),
                        org.assertj.core.groups.Tuple.tuple(3L, Authors.SLEEPTIME));
    }

    @Test
    default void staleBlockEditFailsWithConflictNamingTheAuthor() {
        String agent = freshAgent();
        Block block = blocks().create(NewBlock.of(agent, "human", "Name: Sam"), Authors.AGENT);
        Block userEdit = blocks().update(block.id(), 1, "Name: Samantha", Authors.user("42"));

        assertThatThrownBy(() -> blocks().update(block.id(), 1, "Name: Sam, likes tea", Authors.SLEEPTIME))
                .isInstanceOfSatisfying(MemoryConflictException.class, conflict -> {
                    assertThat(conflict.changedBy()).isEqualTo("user:42");
                    assertThat(conflict.currentVersion()).isEqualTo(2);
                })
                .hasMessageContaining("changed by user:42");
        assertThat(blocks().get(block.id())).contains(userEdit);
        assertThat(blocks().history(block.id())).hasSize(2);
    }

    @Test
    default void readersSeeAnEditAtOnce() {
        String agent = freshAgent();
        Block block = blocks().create(NewBlock.of(agent, "persona", "calm"), Authors.AGENT);
        assertThat(blocks().find(agent, "persona", null)).contains(block);

        Block edited = blocks().update(block.id(), 1, "calm and curious", Authors.AGENT);

        assertThat(blocks().find(agent, "persona", null)).contains(edited);
        assertThat(blocks().sharedBlocks(agent)).containsExactly(edited);
    }

    @Test
    default void revertWritesTheOldValueAsANewVersion() {
        String agent = freshAgent();
        Block block = blocks().create(NewBlock.of(agent, "human", "likes tea"), Authors.user("42"));
        blocks().update(block.id(), 1, "likes coffee", Authors.SLEEPTIME);

        Block reverted = blocks().revert(block.id(), 1, Authors.user("42"));

        assertThat(reverted.value()).isEqualTo("likes tea");
        assertThat(reverted.version()).isEqualTo(3);
        assertThat(blocks().history(block.id()))
                .extracting(BlockVersion::value)
                .containsExactly("likes tea", "likes coffee", "likes tea");
    }

    @Test
    default void revertingToAVersionThatNeverExistedFailsClearly() {
        Block block = blocks().create(NewBlock.of(freshAgent(), "human", "likes tea"), Authors.AGENT);

        assertThatThrownBy(() -> blocks().revert(block.id(), 7, Authors.AGENT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("no version 7");
        assertThat(blocks().get(block.id())).contains(block);
    }

    @Test
    default void sharedBlockIsSeenByEveryAttachedAgentAndEditedOnce() {
        String luna = freshAgent();
        String sol = freshAgent();
        Block rules = blocks().create(NewBlock.of(luna, "server_rules", "Be nice."), Authors.user("1"));
        assertThat(blocks().sharedBlocks(sol)).isEmpty();

        Block shared = blocks().attach(rules.id(), sol);
        Block edited = blocks().update(rules.id(), 1, "Be nice. No spoilers.", Authors.user("1"));

        assertThat(shared.agentIds()).containsExactlyInAnyOrder(luna, sol);
        assertThat(shared.isShared()).isTrue();
        assertThat(blocks().find(luna, "server_rules", null)).contains(edited);
        assertThat(blocks().find(sol, "server_rules", null)).contains(edited);
    }

    @Test
    default void attachingIsIdempotent() {
        String agent = freshAgent();
        Block block = blocks().create(NewBlock.of(agent, "notes", ""), Authors.AGENT);

        assertThat(blocks().attach(block.id(), agent)).isEqualTo(block);
        assertThat(blocks().sharedBlocks(agent)).containsExactly(block);
    }

    @Test
    default void attachingABlockWhoseLabelTheAgentAlreadyHasFailsAndChangesNothing() {
        String luna = freshAgent();
        String sol = freshAgent();
        Block lunaPersona = blocks().create(NewBlock.of(luna, "persona", "Luna"), Authors.AGENT);
        Block solPersona = blocks().create(NewBlock.of(sol, "persona", "Sol"), Authors.AGENT);

        assertThatThrownBy(() -> blocks().attach(lunaPersona.id(), sol))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("already has a block labelled 'persona'");
        assertThat(blocks().get(lunaPersona.id())).contains(lunaPersona);
        assertThat(blocks().sharedBlocks(sol)).containsExactly(solPersona);
    }

    @Test
    default void detachingFromOneAgentKeepsTheBlockForTheOthers() {
        String luna = freshAgent();
        String sol = freshAgent();
        Block rules = blocks().create(NewBlock.of(luna, "rules", "Be nice."), Authors.AGENT);
        blocks().attach(rules.id(), sol);
        assertThat(blocks().sharedBlocks(luna)).hasSize(1);

        blocks().detach(rules.id(), luna);

        assertThat(blocks().sharedBlocks(luna)).isEmpty();
        assertThat(blocks().sharedBlocks(sol)).extracting(Block::id).containsExactly(rules.id());
        assertThat(blocks().get(rules.id()).orElseThrow().agentIds()).containsExactly(sol);
    }

    @Test
    default void detachingFromTheLastAgentDeletesTheBlockButKeepsItsHistory() {
        String agent = freshAgent();
        Block block = blocks().create(NewBlock.of(agent, "notes", "first"), Authors.AGENT);
        blocks().update(block.id(), 1, "second", Authors.AGENT);

        blocks().detach(block.id(), agent);

        assertThat(blocks().get(block.id())).isEmpty();
        assertThat(blocks().sharedBlocks(agent)).isEmpty();
        assertThat(blocks().history(block.id())).extracting(BlockVersion::value).containsExactly("first", "second");
    }

    @Test
    default void memberBlocksAreSeparateFromTheSharedBlockWithTheSameLabel() {
        String agent = freshAgent();
        Block shared = blocks().create(NewBlock.of(agent, "human", "Server regulars"), Authors.AGENT);
        Block ann = blocks().create(memberBlock(agent, "ann", "Ann likes cats"), Authors.AGENT);
        Block bob = blocks().create(memberBlock(agent, "bob", "Bob likes dogs"), Authors.AGENT);

        assertThat(blocks().find(agent, "human", null)).contains(shared);
        assertThat(blocks().find(agent, "human", "ann")).contains(ann);
        assertThat(blocks().find(agent, "human", "carol")).isEmpty();
        assertThat(blocks().sharedBlocks(agent)).containsExactly(shared);
        assertThat(blocks().memberBlocks(agent, List.of("ann", "bob", "carol"))).containsExactlyInAnyOrder(ann, bob);
        assertThat(ann.isMemberBlock()).isTrue();
    }

    @Test
    default void sharedBlocksComeOrderedByLabel() {
        String agent = freshAgent();
        Block persona = blocks().create(NewBlock.of(agent, "persona", "p"), Authors.AGENT);
        Block human = blocks().create(NewBlock.of(agent, "human", "h"), Authors.AGENT);
        Block zeta = blocks().create(NewBlock.of(agent, "zeta", "z"), Authors.AGENT);

        assertThat(blocks().sharedBlocks(agent)).containsExactly(human, persona, zeta);
    }

    @Test
    default void deletedBlockDisappearsFromEveryAgent() {
        String luna = freshAgent();
        String sol = freshAgent();
        Block rules = blocks().create(NewBlock.of(luna, "rules", "Be nice."), Authors.AGENT);
        blocks().attach(rules.id(), sol);
        assertThat(blocks().sharedBlocks(sol)).hasSize(1);

        blocks().delete(rules.id());

        assertThat(blocks().get(rules.id())).isEmpty();
        assertThat(blocks().sharedBlocks(luna)).isEmpty();
        assertThat(blocks().sharedBlocks(sol)).isEmpty();
        assertThat(blocks().create(NewBlock.of(luna, "rules", "new"), Authors.AGENT)
                        .agentIds())
                .isEqualTo(Set.of(luna));
    }

    @Test
    default void purgingAnAgentsBlocksDeletesItsOwnWithHistoryAndOnlyDetachesShared() {
        String luna = freshAgent();
        String sol = freshAgent();
        Block own = blocks().create(NewBlock.of(luna, "persona", "p1"), Authors.AGENT);
        blocks().update(own.id(), own.version(), "p2", Authors.AGENT);
        Block member = blocks().create(memberBlock(luna, "member-1", "likes otters"), Authors.AGENT);
        Block shared = blocks().create(NewBlock.of(luna, "rules", "Be nice."), Authors.AGENT);
        blocks().attach(shared.id(), sol);
        Block dropped = blocks().create(NewBlock.of(luna, "notes", "n"), Authors.AGENT);
        blocks().detach(dropped.id(), luna);

        BlockStore.Purged purged = blocks().purgeAgentBlocks(luna, Set.of(luna));

        assertThat(purged).isEqualTo(new BlockStore.Purged(2, 4));
        assertThat(blocks().get(own.id())).isEmpty();
        assertThat(blocks().get(member.id())).isEmpty();
        assertThat(blocks().history(own.id())).isEmpty();
        assertThat(blocks().history(member.id())).isEmpty();
        assertThat(blocks().history(dropped.id())).isEmpty();
        assertThat(blocks().get(shared.id()))
                .hasValueSatisfying(b -> assertThat(b.agentIds()).containsExactly(sol));
        assertThat(blocks().history(shared.id())).hasSize(1);
        assertThat(blocks().purgeAgentBlocks(luna, Set.of(luna))).isEqualTo(new BlockStore.Purged(0, 0));
    }

    static NewBlock memberBlock(String agentId, String memberId, String value) {
        return new NewBlock(
                agentId, "human", value, Block.DEFAULT_LIMIT, "what I know about this member", false, memberId);
    }
}
