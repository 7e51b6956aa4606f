package dev.kindred.agent;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.MemoryConflictException;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.UserInputException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Edits blocks for the model's tools and the sleeptime agent. An edit is a function of the current
 * value, applied with compare-and-set: when someone (a user) changed the block meanwhile, the edit is
 * re-applied on top of their version, never over it.
 */
public final class BlockEditor {
    /** The label that, in a server agent, means the speaking member's own block. */
    public static final String HUMAN = "human";

    private static final int ATTEMPTS = 5;
    private final BlockStore blocks;
    private final int defaultLimit;

    public BlockEditor(BlockStore blocks, int defaultLimit) {
        this.blocks = blocks;
        this.defaultLimit = defaultLimit;
    }

    /** The member whose own block {@code label} means here, or null for a shared block. */
    public static @Nullable String memberFor(Agent agent, Speaker speaker, String label) {
        boolean server = agent.scope().kind() == AgentScope.Kind.GUILD;
        return server && HUMAN.equals(label) && !speaker.equals(Speaker.AGENT) ? speaker.id() : null;
    }

    public Optional<Block> resolve(Agent agent, Speaker speaker, String label) {
        return blocks.find(agent.id(), label, memberFor(agent, speaker, label));
    }

    /** Applies {@code change} to the block's value; fails when the block is absent or read-only. */
    public Block edit(Agent agent, Speaker speaker, String label, UnaryOperator<String> change, String author) {
        for (int attempt = 1; ; attempt++) {
            Block current = resolve(agent, speaker, label).orElseThrow(() -> unknownLabel(agent, label));
            if (current.readOnly()) {
                throw new UserInputException("block '" + label + "' is read-only");
            }
            String next = change.apply(current.value());
            if (next.equals(current.value())) {
                return current;
            }
            try {
                return blocks.update(current.id(), current.version(), next, author);
            } catch (MemoryConflictException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    /** Replaces the whole value, creating the block when the agent has no such label. */
    public Block rethink(Agent agent, Speaker speaker, String label, String value, String author) {
        Optional<Block> existing = resolve(agent, speaker, label);
        if (existing.isEmpty()) {
            int limit = Math.max(defaultLimit, value.length());
            String memberId = memberFor(agent, speaker, label);
            try {
                return blocks.create(
                        new NewBlock(agent.id(), label, value, Math.min(limit, Block.MAX_LIMIT), "", false, memberId),
                        author);
            } catch (UserInputException raced) {
                if (resolve(agent, speaker, label).isEmpty()) {
                    throw raced;
                }
            }
        }
        return edit(agent, speaker, label, old -> value, author);
    }

    private UserInputException unknownLabel(Agent agent, String label) {
        String known = blocks.sharedBlocks(agent.id()).stream()
                .map(Block::label)
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
        return new UserInputException("no memory block labelled '" + label + "' (blocks: " + known + ")");
    }
}
