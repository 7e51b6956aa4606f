package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import dev.kindred.model.ModelRef;
import java.util.ArrayList;
import java.util.List;

/** One agent entry of an exported file, in the shape Letta's import expects. */
final class ExportedAgent {
    private final ObjectNode node;
    private final ArrayNode blockIds;
    private final KindredSection kindred;
    private final String system;

    ExportedAgent(ObjectNode node, String fileId, Agent agent, ModelCatalog models) {
        this.node = node;
        this.system = agent.instructions().isBlank()
                ? "You are " + agent.name() + ", a companion with persistent memory."
                : agent.instructions();
        node.put("id", fileId).put("name", agent.name()).put("agent_type", "letta_v1_agent");
        node.put("description", "Exported from Kindred").put("system", system);
        node.set("llm_config", llmConfig(agent.model(), models));
        node.set("embedding_config", embeddingConfig());
        this.blockIds = node.putArray("block_ids");
        node.putArray("tool_ids");
        node.putArray("tool_rules");
        node.putArray("tags").add("origin:kindred");
        node.put("timezone", agent.timezone());
        node.put("enable_sleeptime", agent.sleeptime().enabled());
        node.put("message_buffer_autoclear", false);
        node.put("include_base_tools", false);
        this.kindred = new KindredSection(node.putObject("metadata"));
    }

    ObjectNode node() {
        return node;
    }

    KindredSection kindred() {
        return kindred;
    }

    String system() {
        return system;
    }

    void addBlock(String fileId) {
        blockIds.add(fileId);
    }

    List<String> blockIds() {
        List<String> ids = new ArrayList<>();
        blockIds.forEach(id -> ids.add(id.textValue()));
        return ids;
    }

    void tools(List<String> toolIds) {
        ArrayNode ids = node.putArray("tool_ids");
        toolIds.forEach(ids::add);
    }

    static ObjectNode block(Block block, String fileId) {
        ObjectNode node = AgentFileJson.MAPPER.createObjectNode();
        node.put("id", fileId).put("label", block.label()).put("value", block.value());
        node.put("limit", block.limit()).put("description", block.description());
        node.put("read_only", block.readOnly());
        node.putObject("metadata");
        node.put("is_template", false);
        return node;
    }

    static ObjectNode llmConfig(String model, ModelCatalog models) {
        ModelRef ref = ModelRef.parse(model);
        String type = models.lettaEndpointType(model);
        ObjectNode llm = AgentFileJson.MAPPER.createObjectNode();
        llm.put("model", ref.model()).put("model_endpoint_type", type);
        llm.put("model_endpoint", models.endpoint(model)).put("provider_name", ref.provider());
        llm.put("context_window", models.contextWindow(model)).put("handle", type + "/" + ref.model());
        llm.put("temperature", 0.7).put("put_inner_thoughts_in_kwargs", false);
        return llm;
    }

    static ObjectNode embeddingConfig() {
        ObjectNode embedding = AgentFileJson.MAPPER.createObjectNode();
        embedding.put("embedding_endpoint_type", "openai").put("embedding_endpoint", "https://api.openai.com/v1");
        embedding.put("embedding_model", "text-embedding-3-small").put("embedding_dim", 1536);
        embedding.put("embedding_chunk_size", 300).put("handle", "openai/text-embedding-3-small");
        return embedding;
    }
}
