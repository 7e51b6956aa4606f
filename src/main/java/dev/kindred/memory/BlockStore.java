package dev.kindred.memory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Core-memory blocks and their history. Every write is safe on its own: edits are compare-and-set
 * on {@link Block#version()}, every version is kept with its author.
 */
public interface BlockStore {
    /** What a purge removed: whole blocks, and kept versions (of those blocks and of ones already gone). */
    record Purged(long blocks, long versions) {}

    /** Creates a block attached to {@code spec.agentId()}; fails if that agent already has the label. */
    Block create(NewBlock spec, String author);

    Optional<Block> get(String blockId);

    /** The agent's shared (non-member) blocks, ordered by label. */
    List<Block> sharedBlocks(String agentId);

    /** The given members' own blocks in this agent. */
    List<Block> memberBlocks(String agentId, Collection<String> memberIds);

    /** The block with this label: the member's own when {@code memberId} is given, else the shared one. */
    Optional<Block> find(String agentId, String label, @Nullable String memberId);

    /**
     * Sets a new value if the stored version is still {@code expectedVersion}.
     *
     * @throws MemoryConflictException when someone else changed it first
     * @throws UserInputException when the value exceeds the limit or the block is read-only
     */
    Block update(String blockId, long expectedVersion, String newValue, String author);

    /** Restores the value a block had at {@code version}, as a new version. */
    Block revert(String blockId, long version, String author);

    /** All kept versions, oldest first. */
    List<BlockVersion> history(String blockId);

    Block attach(String blockId, String agentId);

    /** Detaches; a block attached to no agent any more is deleted (its history stays). */
    void detach(String blockId, String agentId);

    void delete(String blockId);

    /** Every block attached to the agent: its shared blocks and every member's own, ordered by label. */
    List<Block> allBlocks(String agentId);

    /** The member's own blocks in every agent. */
    List<Block> blocksOfMember(String memberId);

    /** Deletes the block and every kept version of it (a privacy erasure); returns the versions deleted. */
    long purge(String blockId);

    /**
     * Deletes kept versions whose block no longer exists and that belonged to this agent or to this
     * member (left by a detach or an interrupted erasure); returns how many.
     */
    long purgeLeftoverHistory(String agentOrMemberId);

    /**
     * Removes an agent's blocks for good, as when the agent itself goes: a block attached to no agent
     * outside {@code removing} (the agents removed together, this one included) is purged with its
     * history, members' own blocks alike; a block another agent still uses is only detached from this
     * one and keeps its history. Then the history earlier detaches left of the agent's blocks goes
     * too. Each step deletes what is still there, so running it again finishes a run cut short.
     */
    default Purged purgeAgentBlocks(String agentId, Set<String> removing) {
        long blocks = 0;
        long versions = 0;
        for (Block block : allBlocks(agentId)) {
            if (removing.containsAll(block.agentIds())) {
                versions += purge(block.id());
                blocks++;
            } else {
                detach(block.id(), agentId);
            }
        }
        return new Purged(blocks, versions + purgeLeftoverHistory(agentId));
    }
}
