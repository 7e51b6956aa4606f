package dev.kindred.privacy;

import dev.kindred.agent.AgentServices;
import dev.kindred.agent.MemorySnapshots;
import dev.kindred.memory.Binding;
import dev.kindred.memory.BlockStore;
import java.util.Set;

/**
 * Erases one agent with everything kept for it, one collection at a time, the agent record last: a
 * run cut short leaves the agent findable, and running it again finishes the job (every step deletes
 * what is there and nothing else). Unlike deleting an agent, block history goes too.
 */
final class AgentEraser {
    private final AgentServices services;
    private final AgentRecords records;
    private final MemorySnapshots snapshots;
    private final ErasureHook hook;

    AgentEraser(AgentServices services, AgentRecords records, MemorySnapshots snapshots, ErasureHook hook) {
        this.services = services;
        this.records = records;
        this.snapshots = snapshots;
        this.hook = hook;
    }

    /**
     * Erases {@code agentId}. A block also attached to an agent outside {@code erasing} (the agents
     * erased together) is only detached: it belongs to someone else too.
     */
    ErasureCounts erase(String agentId, Set<String> erasing) {
        ErasureCounts blocks = eraseBlocks(agentId, erasing);
        hook.stepDone("blocks");
        for (Binding binding : services.bindings().forAgent(agentId)) {
            services.bindings().unbind(binding.scopeKey());
        }
        hook.stepDone("bindings");
        long messages = services.messages().deleteAll(agentId);
        services.recall().evict(agentId);
        hook.stepDone("messages");
        long passages = services.passages().deleteAll(agentId);
        services.archival().evict(agentId);
        hook.stepDone("passages");
        long other = records.deleteAll(agentId);
        hook.stepDone("records");
        long agents = services.agents().get(agentId).isPresent() ? 1 : 0;
        services.agents().delete(agentId);
        snapshots.invalidate(agentId);
        hook.stepDone("agent");
        return blocks.plus(new ErasureCounts(agents, 0, 0, messages, passages, other, 0, 0));
    }

    /** The agent's rendered memory is dropped, so the next turn renders it from what is left. */
    void forgetContext(String agentId) {
        snapshots.invalidate(agentId);
    }

    private ErasureCounts eraseBlocks(String agentId, Set<String> erasing) {
        BlockStore.Purged purged = services.blocks().purgeAgentBlocks(agentId, erasing);
        return new ErasureCounts(0, purged.blocks(), purged.versions(), 0, 0, 0, 0, 0);
    }
}
