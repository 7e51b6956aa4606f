package dev.kindred.privacy;

import dev.kindred.agent.AgentServices;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds what is kept about a person: their DM agents, their own blocks elsewhere, the shared agents they spoke in. */
final class Inventory {
    private final AgentServices services;

    Inventory(AgentServices services) {
        this.services = services;
    }

    List<Agent> dmAgents(String userId) {
        return services.agents().list(AgentScope.dm(userId));
    }

    /** The person's own blocks in agents other than their DM agents. */
    List<Block> memberBlocks(String userId) {
        return services.blocks().blocksOfMember(userId);
    }

    /** The agents, other than the person's DM agents, that keep messages they said. */
    List<Agent> sharedAgents(String userId) {
        List<Agent> shared = new ArrayList<>();
        for (String agentId : services.messages().agentsWithSpeaker(userId)) {
            services.agents()
                    .get(agentId)
                    .filter(agent -> !agent.scope().equals(AgentScope.dm(userId)))
                    .ifPresent(shared::add);
        }
        shared.sort(Comparator.comparing(Agent::name));
        return shared;
    }

    Optional<Agent> agentOf(Block block) {
        return block.agentIds().stream()
                .sorted()
                .map(id -> services.agents().get(id))
                .flatMap(Optional::stream)
                .findFirst();
    }

    PrivacyOverview overview(String userId) {
        List<PrivacyOverview.DmAgent> dm = new ArrayList<>();
        for (Agent agent : dmAgents(userId)) {
            List<PrivacyOverview.BlockSize> sizes = services.blocks().allBlocks(agent.id()).stream()
                    .map(Inventory::size)
                    .toList();
            dm.add(new PrivacyOverview.DmAgent(
                    agent.name(),
                    sizes,
                    services.messages().count(agent.id()),
                    services.passages().count(agent.id())));
        }
        List<PrivacyOverview.MemberBlock> member = new ArrayList<>();
        for (Block block : memberBlocks(userId)) {
            agentOf(block)
                    .ifPresent(agent -> member.add(new PrivacyOverview.MemberBlock(
                            agent.name(), agent.scope().id(), size(block))));
        }
        List<PrivacyOverview.SharedAgent> shared = new ArrayList<>();
        for (Agent agent : sharedAgents(userId)) {
            long count = services.messages().bySpeaker(agent.id(), userId).size();
            shared.add(
                    new PrivacyOverview.SharedAgent(agent.name(), agent.scope().id(), count));
        }
        return new PrivacyOverview(userId, dm, member, shared);
    }

    private static PrivacyOverview.BlockSize size(Block block) {
        return new PrivacyOverview.BlockSize(block.label(), block.value().length(), block.limit());
    }
}
