package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.SleeptimeSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Letta's sleeptime groups: the manager is the primary agent, the group's other agents are its
 * sleeptime copies. Kindred folds each group into its primary with sleeptime on; other kinds of
 * group (round robin, supervisor...) have no Kindred equivalent and are reported.
 */
final class SleeptimeGroups {
    /** A primary's sleeptime side: its sleeptime agents and how often they run. */
    record Group(List<String> sleeptimeAgentIds, int frequency) {
        Group {
            sleeptimeAgentIds = List.copyOf(sleeptimeAgentIds);
        }
    }

    private final Map<String, Group> byPrimary = new HashMap<>();
    private final Set<String> folded = new HashSet<>();

    static SleeptimeGroups of(JsonNode root, FileIndex index, List<String> notices) {
        SleeptimeGroups groups = new SleeptimeGroups();
        List<JsonNode> items = Json.objects(root, "groups", "file");
        for (int i = 0; i < items.size(); i++) {
            groups.add(items.get(i), "groups[" + i + "]", index, notices);
        }
        return groups;
    }

    private void add(JsonNode group, String where, FileIndex index, List<String> notices) {
        List<String> agentIds = Json.texts(group, "agent_ids", where);
        agentIds.forEach(id -> index.agent(id, where + ".agent_ids"));
        JsonNode manager = Json.optObject(group, "manager_config", where);
        String type = manager == null ? "" : Json.optText(manager, "manager_type", where + ".manager_config", "");
        if (!type.equals("sleeptime") || manager == null) {
            notices.add("A group of " + agentIds.size() + " agents (" + (type.isEmpty() ? "unknown kind" : type)
                    + ") was not kept: Kindred has no multi-agent groups; its agents were imported on their own.");
            return;
        }
        String primary = Json.text(manager, "manager_agent_id", where + ".manager_config");
        index.agent(primary, where + ".manager_config.manager_agent_id");
        Integer frequency = Json.optInt(manager, "sleeptime_agent_frequency", where + ".manager_config");
        List<String> sleeptimeIds =
                agentIds.stream().filter(id -> !id.equals(primary)).toList();
        int clamped = Math.max(1, Math.min(1_000, frequency == null ? SleeptimeSettings.DEFAULT_FREQUENCY : frequency));
        byPrimary.put(primary, new Group(sleeptimeIds, clamped));
        folded.addAll(sleeptimeIds);
    }

    Optional<Group> forPrimary(String agentId) {
        return Optional.ofNullable(byPrimary.get(agentId));
    }

    boolean isSleeptimeAgent(String agentId) {
        return folded.contains(agentId);
    }
}
