package dev.kindred.discord.commands;

import dev.kindred.agent.BlockEditor;
import dev.kindred.discord.PermissionDeniedException;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.Labels;
import dev.kindred.memory.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which blocks a person sees and may change. In a server, {@code human} means the person's own
 * member block; other members' blocks are never shown; shared blocks change only for admins.
 */
final class MemoryRules {
    private MemoryRules() {}

    static boolean isServer(Agent agent) {
        return agent.scope().kind() == AgentScope.Kind.GUILD;
    }

    static List<Block> visible(CommandCall call, Agent agent) {
        call.bot().access().requireRead(agent, call.user());
        List<Block> blocks = new ArrayList<>(call.bot().services().blocks().sharedBlocks(agent.id()));
        if (isServer(agent)) {
            own(call, agent).ifPresent(blocks::add);
        }
        return blocks;
    }

    static Block find(CommandCall call, Agent agent, String label) {
        call.bot().access().requireRead(agent, call.user());
        Labels.require(label);
        Optional<Block> block = isServer(agent) && BlockEditor.HUMAN.equals(label)
                ? own(call, agent)
                : call.bot().services().blocks().find(agent.id(), label, null);
        return block.orElseThrow(() -> missing(call, agent, label));
    }

    /** Fails unless the caller may change this block (their own member block, or as the agent's manager). */
    static void requireEdit(CommandCall call, Agent agent, Block block) {
        if (block.memberId() != null) {
            if (!block.memberId().equals(call.user().getId())) {
                throw new PermissionDeniedException("You can only change your own member block.");
            }
        } else {
            call.bot().access().requireManage(agent, call.user(), call.member());
        }
        if (block.readOnly()) {
            throw new UserInputException("Block '" + block.label() + "' is read-only.");
        }
    }

    static String size(Block block) {
        return block.value().length() + "/" + block.limit() + " chars";
    }

    private static Optional<Block> own(CommandCall call, Agent agent) {
        return call.bot()
                .services()
                .blocks()
                .find(agent.id(), BlockEditor.HUMAN, call.user().getId());
    }

    private static UserInputException missing(CommandCall call, Agent agent, String label) {
        if (isServer(agent) && BlockEditor.HUMAN.equals(label)) {
            return new UserInputException("You don't have a member block here yet; talk to the agent first.");
        }
        String known = String.join(
                ", ", visible(call, agent).stream().map(Block::label).toList());
        return new UserInputException("No memory block labelled '" + label + "' (blocks: " + known + ").");
    }
}
