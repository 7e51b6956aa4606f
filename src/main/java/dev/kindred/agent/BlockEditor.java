package dev.kindred.agent;

import dev.kindred.agent.tools.ToolContext;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
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
 * re-applied on top of their version, never over it. A rewrite of the whole block is not a function
 * of the current value, so it applies only to the version the model read ({@link BlockReads}); over a
 * newer one it is refused, showing the model the new value to rewrite from.
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

    /**
     * In a server, gives a member who speaks to the agent for the first time their own {@code human}
     * block, from the {@code template}; in a DM the one {@code human} block is the agent's own.
     */
    void ensureMemberBlock(Agent agent, Speaker speaker, String template) {
        String memberId = memberFor(agent, speaker, HUMAN);
        if (memberId != null && blocks.find(agent.id(), HUMAN, memberId).isEmpty()) {
            blocks.create(
                    new NewBlock(
                            agent.id(),
                            HUMAN,
                            template.strip(),
                            defaultLimit,
                            "What I know about " + speaker.name() + ".",
                            false,
                            memberId),
                    Authors.SYSTEM);
        }
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
    public Block edit(ToolContext context, String label, UnaryOperator<String> change) {
        for (int attempt = 1; ; attempt++) {
            Block current = editable(context, label);
            String next = change.apply(current.value());
            if (next.equals(current.value())) {
                return current;
            }
            try {
                Block updated = blocks.update(current.id(), current.version(), next, context.author());
                context.reads().edited(current, updated);
                return updated;
            } catch (MemoryConflictException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    /**
     * Replaces the whole value of the block the model read, or creates the block (within the default
     * limit) when the agent has no such label.
     */
    public Block rethink(ToolContext context, String label, String value) {
        BlockReads reads = context.reads();
        if (resolve(context.agent(), context.speaker(), label).isEmpty()) {
            Optional<Block> created = create(context, label, value);
            if (created.isPresent()) {
                reads.saw(created.get());
                return created.get();
            }
        }
        Block current = editable(context, label);
        if (!reads.isCurrent(current)) {
            throw changedSinceRead(current, reads);
        }
        try {
            Block updated = blocks.update(current.id(), current.version(), value, context.author());
            reads.saw(updated);
            return updated;
        } catch (MemoryConflictException conflict) {
            throw changedSinceRead(editable(context, label), reads);
        }
    }

    /** The new block, or empty when another writer created one with this label first. */
    private Optional<Block> create(ToolContext context, String label, String value) {
        Agent agent = context.agent();
        if (value.length() > defaultLimit) {
            throw new UserInputException("a new block holds at most " + defaultLimit + " characters; this text has "
                    + value.length() + ": condense it");
        }
        try {
            return Optional.of(blocks.create(
                    new NewBlock(
                            agent.id(),
                            label,
                            value,
                            defaultLimit,
                            "",
                            false,
                            memberFor(agent, context.speaker(), label)),
                    context.author()));
        } catch (UserInputException raced) {
            if (resolve(agent, context.speaker(), label).isEmpty()) {
                throw raced;
            }
            return Optional.empty();
        }
    }

    private Block editable(ToolContext context, String label) {
        Block current = resolve(context.agent(), context.speaker(), label)
                .orElseThrow(() -> unknownLabel(context.agent(), label));
        if (current.readOnly()) {
            throw new UserInputException("block '" + label + "' is read-only");
        }
        return current;
    }

    /** Refuses a rewrite over text the model has not seen, and shows it that text (so it has now read it). */
    private static UserInputException changedSinceRead(Block current, BlockReads reads) {
        reads.saw(current);
        return new UserInputException("block '" + current.label() + "' was changed by " + current.updatedBy()
                + " since you read it, so it was not rewritten. Its value now is:\n" + current.value()
                + "\nRewrite it from this value if it still needs it.");
    }

    private UserInputException unknownLabel(Agent agent, String label) {
        String known = blocks.sharedBlocks(agent.id()).stream()
                .map(Block::label)
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
        return new UserInputException("no memory block labelled '" + label + "' (blocks: " + known + ")");
    }
}
