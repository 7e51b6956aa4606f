package dev.kindred.agentfile;

import java.util.List;

/**
 * What an import brought across: the new agent(s), counts, and notices for people (a model mapped
 * to the default, tools Kindred does not have, a sleeptime group turned into a setting).
 */
public record ImportReport(
        List<String> agentIds, List<String> agentNames, int blocks, int messages, int passages, List<String> notices) {
    public ImportReport {
        agentIds = List.copyOf(agentIds);
        agentNames = List.copyOf(agentNames);
        notices = List.copyOf(notices);
    }
}
