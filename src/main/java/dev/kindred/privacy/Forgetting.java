package dev.kindred.privacy;

import dev.kindred.agent.AgentServices;
import dev.kindred.agent.tools.ToolArgs;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Binding;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.ToolInvocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps of forgetting a person, each safe to run again: their DM agents erased whole; the server
 * agents' own tool calls that wrote into the person's blocks erased (found by the text they wrote,
 * while the blocks' history still holds it); their own blocks in server agents purged with their
 * history; their messages in shared agents replaced by
 * anonymous tombstones (the sequence stays whole) and dropped from search; and in those agents the
 * summaries written since their first message there erased, the window's summary cleared, and the
 * logs of sleeptime runs that read their messages cleared.
 */
final class Forgetting {
    private final AgentServices services;
    private final AgentEraser eraser;
    private final AgentRecords records;
    private final ErasureHook hook;

    Forgetting(AgentServices services, AgentEraser eraser, AgentRecords records, ErasureHook hook) {
        this.services = services;
        this.eraser = eraser;
        this.records = records;
        this.hook = hook;
    }

    /** What there is to erase now. */
    ForgetPlan plan(String userId) {
        Set<String> dm = services.agents().list(AgentScope.dm(userId)).stream()
                .map(a -> a.id())
                .collect(Collectors.toSet());
        Map<String, Long> shared = new HashMap<>();
        for (String agentId : services.messages().agentsWithSpeaker(userId)) {
            if (!dm.contains(agentId)) {
                List<Message> theirs = services.messages().bySpeaker(agentId, userId);
                if (!theirs.isEmpty()) {
                    shared.put(agentId, theirs.get(0).seq());
                }
            }
        }
        return new ForgetPlan(userId, dm, shared);
    }

    ErasureCounts run(ForgetPlan plan) {
        ErasureCounts counts = ErasureCounts.NONE;
        for (String agentId : plan.dmAgentIds()) {
            counts = counts.plus(eraser.erase(agentId, plan.dmAgentIds()));
        }
        services.bindings().unbind(Binding.dm(plan.userId()));
        hook.stepDone("dm-agents");
        counts = counts.plus(eraseEditsOfMemberBlocks(plan.userId()));
        counts = counts.plus(eraseMemberBlocks(plan.userId()));
        hook.stepDone("member-blocks");
        for (Map.Entry<String, Long> shared : plan.firstSeqBySharedAgent().entrySet()) {
            counts = counts.plus(eraseFromShared(shared.getKey(), plan.userId(), shared.getValue()));
        }
        hook.stepDone("shared-agents");
        services.checkpoint().commit();
        return counts;
    }

    /**
     * The calls in which an agent wrote into the person's own block keep that text in their
     * arguments: each such call message is erased, before the block's history (the evidence) goes.
     */
    private ErasureCounts eraseEditsOfMemberBlocks(String userId) {
        long erased = 0;
        for (Block block : services.blocks().blocksOfMember(userId)) {
            List<String> versions = services.blocks().history(block.id()).stream()
                    .map(BlockVersion::value)
                    .toList();
            for (String agentId : block.agentIds()) {
                for (Message message : services.messages().withRole(agentId, Role.ASSISTANT, 1)) {
                    if (!message.erased() && message.toolCalls().stream().anyMatch(c -> wrote(c, versions))) {
                        services.messages().erase(agentId, message.seq());
                        erased++;
                    }
                }
            }
        }
        return new ErasureCounts(0, 0, 0, 0, 0, 0, erased, 0);
    }

    /** Whether the call wrote text that is in one of these versions of a block. */
    private static boolean wrote(ToolInvocation call, List<String> versions) {
        return ToolArgs.writtenText(call.arguments())
                .filter(t -> !t.isBlank())
                .map(t -> versions.stream().anyMatch(v -> v.contains(t)))
                .orElse(false);
    }

    private ErasureCounts eraseMemberBlocks(String userId) {
        long blocks = 0;
        long versions = 0;
        for (Block block : services.blocks().blocksOfMember(userId)) {
            versions += services.blocks().purge(block.id());
            block.agentIds().forEach(eraser::forgetContext);
            blocks++;
        }
        versions += services.blocks().purgeLeftoverHistory(userId);
        return new ErasureCounts(0, blocks, versions, 0, 0, 0, 0, 0);
    }

    private ErasureCounts eraseFromShared(String agentId, String userId, long firstSeq) {
        long tombstones = 0;
        for (Message message : services.messages().bySpeaker(agentId, userId)) {
            services.messages().anonymise(agentId, message.seq());
            tombstones++;
        }
        long summaries = 0;
        for (Message summary : services.messages().withRole(agentId, Role.SUMMARY, firstSeq)) {
            if (!summary.erased()) {
                services.messages().erase(agentId, summary.seq());
                summaries++;
            }
        }
        services.agents().get(agentId).ifPresent(agent -> {
            if (!agent.window().summary().isEmpty()) {
                services.agents()
                        .update(
                                agentId,
                                a -> a.withWindow(new ContextWindow(a.window().startSeq(), "")));
            }
        });
        summaries += records.scrubRunLogs(agentId, firstSeq);
        services.recall().evict(agentId);
        eraser.forgetContext(agentId);
        return new ErasureCounts(0, 0, 0, 0, 0, 0, tombstones, summaries);
    }
}
