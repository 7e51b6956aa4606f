package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.config.AgentDefaults;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Speaker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses and checks a whole agent file into an {@link ImportPlan} before anything is written: every
 * id must point somewhere, every field must have its type. A block listed by several agents is
 * planned once; a sleeptime group folds into its primary agent.
 */
final class ImportPlanner {
    /** Where the agents go: the scope, their owner, the names already taken there, and now. */
    record Target(AgentScope scope, String ownerId, Set<String> takenNames, Instant now) {}

    private final ModelCatalog models;
    private final AgentDefaults defaults;

    ImportPlanner(ModelCatalog models, AgentDefaults defaults) {
        this.models = models;
        this.defaults = defaults;
    }

    ImportPlan plan(JsonNode root, Target target) {
        List<String> notices = new ArrayList<>();
        FileIndex index = FileIndex.of(root);
        SleeptimeGroups groups = SleeptimeGroups.of(root, index, notices);
        Run run = new Run(index, groups, target, notices);
        List<AgentPlan> agents = new ArrayList<>();
        for (Map.Entry<String, JsonNode> agent : index.agents().entrySet()) {
            if (!groups.isSleeptimeAgent(agent.getKey())) {
                agents.add(run.agent(agent.getKey(), agent.getValue()));
            }
        }
        TopLevelNotices.add(root, index, run.blocks.keySet(), notices);
        return new ImportPlan(List.copyOf(run.blocks.values()), agents, notices);
    }

    /** The state of one planning run. */
    private final class Run {
        private final FileIndex index;
        private final SleeptimeGroups groups;
        private final Target target;
        private final List<String> notices;
        private final AgentNames names;
        private final BlockPlanner blockPlanner;
        private final Map<String, BlockPlan> blocks = new LinkedHashMap<>();

        Run(FileIndex index, SleeptimeGroups groups, Target target, List<String> notices) {
            this.index = index;
            this.groups = groups;
            this.target = target;
            this.notices = notices;
            this.names = new AgentNames(target.takenNames());
            this.blockPlanner = new BlockPlanner(defaults.blockLimit(), notices);
        }

        AgentPlan agent(String id, JsonNode node) {
            String where = "agent '" + id + "'";
            KindredExtras extras = KindredExtras.of(node, where).orElse(null);
            String wanted = Json.optText(node, "name", where, "imported agent");
            String name = names.claim(wanted);
            if (!name.equals(wanted)) {
                notices.add("Agent '" + wanted + "' is called '" + name + "' here.");
            }
            Optional<SleeptimeGroups.Group> group = groups.forPrimary(id);
            List<String> blockIds =
                    new AgentBlocks(index, blockPlanner, blocks, notices).plan(node, where, group, extras);
            Instant fileTime = MessageText.time(node, "created_at", where, target.now());
            MessagePlanner.Recall recall = new MessagePlanner(
                            new Speaker(target.ownerId(), "user"), channel(), fileTime, extras)
                    .plan(node, where);
            ToolReport.report(node, where, name, index, notices);
            group.ifPresent(g -> reportSleeptimeMessages(g, name));
            return new AgentPlan(
                    id,
                    new SettingsPlanner(models, defaults, index, notices).plan(node, name, group, extras),
                    blockIds,
                    recall.messages(),
                    window(recall, extras),
                    Passages.plan(extras, fileTime));
        }

        private String channel() {
            return target.scope().kind() == AgentScope.Kind.CONSOLE ? "console" : "import";
        }

        private void reportSleeptimeMessages(SleeptimeGroups.Group group, String name) {
            for (String id : group.sleeptimeAgentIds()) {
                String where = "agent '" + id + "'";
                long count = Json.objects(index.agent(id, "group"), "messages", where).stream()
                        .filter(m -> !"system".equals(Json.optText(m, "role", where + ".messages")))
                        .count();
                if (count > 0) {
                    notices.add(name + ": the Letta sleeptime agent's own " + count
                            + " messages (review transcripts) were not kept.");
                }
            }
        }
    }

    private static AgentPlan.WindowPlan window(MessagePlanner.Recall recall, @Nullable KindredExtras extras) {
        return new AgentPlan.WindowPlan(
                recall.windowStartIndex(),
                extras == null ? null : extras.windowStartSeq(),
                extras == null ? "" : extras.windowSummary());
    }
}
