package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans one agent's blocks into the run's shared map, so a block listed by several agents is
 * created once. Blocks only its sleeptime agent had (Letta's {@code memory_persona}) are attached to
 * the primary, marked as the sleeptime side's; labels stay unique within the agent.
 */
final class AgentBlocks {
    private final FileIndex index;
    private final BlockPlanner planner;
    private final Map<String, BlockPlan> blocks;
    private final List<String> notices;

    AgentBlocks(FileIndex index, BlockPlanner planner, Map<String, BlockPlan> blocks, List<String> notices) {
        this.index = index;
        this.planner = planner;
        this.blocks = blocks;
        this.notices = notices;
    }

    List<String> plan(
            JsonNode agent, String where, Optional<SleeptimeGroups.Group> group, @Nullable KindredExtras extras) {
        List<String> ids = new ArrayList<>();
        for (String id : Json.texts(agent, "block_ids", where)) {
            add(ids, id, where, extras, false);
        }
        for (String sleeptimeId :
                group.map(SleeptimeGroups.Group::sleeptimeAgentIds).orElse(List.of())) {
            String sleeptimeWhere = "agent '" + sleeptimeId + "'";
            for (String id : Json.texts(index.agent(sleeptimeId, where), "block_ids", sleeptimeWhere)) {
                add(ids, id, sleeptimeWhere, extras, true);
            }
        }
        uniqueLabels(ids);
        if (extras != null) {
            List<JsonNode> members = extras.memberBlocks();
            for (int i = 0; i < members.size(); i++) {
                ids.add(memberBlock(members.get(i), where + " member block " + i));
            }
        }
        return ids;
    }

    private void add(List<String> ids, String id, String where, @Nullable KindredExtras extras, boolean sleeptimeSide) {
        if (ids.contains(id)) {
            return;
        }
        if (!blocks.containsKey(id)) {
            List<JsonNode> history = extras == null ? List.of() : extras.blockHistory(id);
            BlockPlan plan = planner.plan(id, index.block(id, where + ".block_ids"), history);
            blocks.put(id, sleeptimeSide ? BlockPlanner.sleeptimeSide(plan) : plan);
        }
        ids.add(id);
    }

    private void uniqueLabels(List<String> ids) {
        Set<String> labels = new HashSet<>();
        for (String id : ids) {
            BlockPlan plan = blocks.get(id);
            String label = plan.label();
            for (int n = 2; labels.contains(label); n++) {
                label = BlockLabels.numbered(plan.label(), n);
            }
            if (!label.equals(plan.label())) {
                notices.add("Two blocks are labelled '" + plan.label() + "'; one is called '" + label + "'.");
                blocks.put(id, relabel(plan, label));
            }
            labels.add(label);
        }
    }

    private String memberBlock(JsonNode node, String where) {
        String fileId = "member-block-" + blocks.size();
        BlockPlan plan = planner.plan(fileId, node, Json.objects(node, "history", where));
        blocks.put(
                fileId,
                new BlockPlan(
                        fileId,
                        plan.label(),
                        plan.value(),
                        plan.limit(),
                        plan.description(),
                        plan.readOnly(),
                        Json.text(node, "member_id", where),
                        plan.history()));
        return fileId;
    }

    private static BlockPlan relabel(BlockPlan plan, String label) {
        return new BlockPlan(
                plan.fileId(),
                label,
                plan.value(),
                plan.limit(),
                plan.description(),
                plan.readOnly(),
                plan.memberId(),
                plan.history());
    }
}
