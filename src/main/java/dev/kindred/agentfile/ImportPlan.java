package dev.kindred.agentfile;

import java.util.List;

/**
 * A whole agent file, parsed and checked, before anything is written: the blocks (each once, even
 * when several agents share it), the agents, and the notices for the report.
 */
record ImportPlan(List<BlockPlan> blocks, List<AgentPlan> agents, List<String> notices) {
    ImportPlan {
        blocks = List.copyOf(blocks);
        agents = List.copyOf(agents);
        notices = List.copyOf(notices);
    }
}
