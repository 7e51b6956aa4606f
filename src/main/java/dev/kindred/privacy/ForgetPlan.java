package dev.kindred.privacy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a forget request erases, fixed when it is recorded so an interrupted run resumes with it even
 * after parts are gone: the person's DM agents, and each shared agent they spoke in with the sequence
 * number of their first message there (summaries from that point on may quote them).
 */
public record ForgetPlan(String userId, Set<String> dmAgentIds, Map<String, Long> firstSeqBySharedAgent) {
    public ForgetPlan {
        dmAgentIds = Set.copyOf(dmAgentIds);
        firstSeqBySharedAgent = Map.copyOf(firstSeqBySharedAgent);
    }

    /** Both plans' agents; the earlier first message where both know a shared agent. */
    ForgetPlan union(ForgetPlan other) {
        Set<String> dm = new HashSet<>(dmAgentIds);
        dm.addAll(other.dmAgentIds);
        Map<String, Long> shared = new HashMap<>(firstSeqBySharedAgent);
        other.firstSeqBySharedAgent.forEach((agent, seq) -> shared.merge(agent, seq, Math::min));
        return new ForgetPlan(userId, dm, shared);
    }
}
