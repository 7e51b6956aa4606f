package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.memory.Agent;
import java.util.List;

/**
 * Kindred's sleeptime setting as Letta models it: a second agent ({@code <name>-sleeptime}, type
 * {@code sleeptime_agent}) attached to all the primary's blocks plus its own, and a sleeptime group
 * managed by the primary at the agent's frequency.
 */
final class SleeptimeExport {
    private static final String SYSTEM = "You are the sleeptime memory agent of %s. You review past conversation "
            + "and keep the memory blocks accurate, merged and concise with memory_rethink, memory_replace and "
            + "memory_insert, then call memory_finish_edits.";

    private SleeptimeExport() {}

    static void add(ObjectNode root, Agent agent, Sides sides, ModelCatalog models) {
        ArrayNode agents = (ArrayNode) root.get("agents");
        ObjectNode node = agents.addObject();
        String model = agent.sleeptime().model() == null
                        || !models.isConfigured(agent.sleeptime().model())
                ? agent.model()
                : agent.sleeptime().model();
        node.put("id", "agent-1").put("name", agent.name() + "-sleeptime").put("agent_type", "sleeptime_agent");
        node.put("system", SYSTEM.formatted(agent.name()));
        node.set("llm_config", ExportedAgent.llmConfig(model, models));
        node.set("embedding_config", ExportedAgent.embeddingConfig());
        ArrayNode blocks = node.putArray("block_ids");
        sides.primaryBlocks().forEach(blocks::add);
        sides.ownBlocks().forEach(blocks::add);
        ArrayNode tools = node.putArray("tool_ids");
        sides.toolIds().forEach(tools::add);
        ArrayNode messages = node.putArray("messages");
        messages.addObject()
                .put("type", "message")
                .put("id", sides.systemMessageId())
                .put("agent_id", "agent-1")
                .put("role", "system")
                .put("created_at", agent.createdAt().toString())
                .putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", SYSTEM.formatted(agent.name()));
        node.putArray("in_context_message_ids").add(sides.systemMessageId());
        node.putArray("tags");
        node.put("enable_sleeptime", false);
        ObjectNode group = ((ArrayNode) root.get("groups")).addObject();
        group.put("id", "group-0").put("description", "");
        group.putArray("agent_ids").add("agent-1");
        group.putObject("manager_config")
                .put("manager_type", "sleeptime")
                .put("manager_agent_id", "agent-0")
                .put("sleeptime_agent_frequency", agent.sleeptime().frequency());
        group.putArray("shared_block_ids");
    }

    /** What the sleeptime agent gets: the primary's blocks, its own, its tools, and a message id. */
    record Sides(List<String> primaryBlocks, List<String> ownBlocks, List<String> toolIds, String systemMessageId) {}
}
