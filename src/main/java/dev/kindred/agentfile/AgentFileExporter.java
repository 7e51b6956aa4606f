package dev.kindred.agentfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.agent.AgentServices;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.UserInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kindred agent as a Letta Agent File: {@code agents[0]} is the agent; with sleeptime on, a
 * sleeptime agent and a sleeptime group follow, as Letta exports them. Blocks marked as the
 * sleeptime side's go to the sleeptime agent only.
 */
final class AgentFileExporter {
    private final AgentServices services;
    private final ModelCatalog models;
    private final Clock clock;

    AgentFileExporter(AgentServices services, ModelCatalog models, Clock clock) {
        this.services = services;
        this.models = models;
        this.clock = clock;
    }

    byte[] export(String agentId) {
        Agent agent = services.agents()
                .get(agentId)
                .orElseThrow(() -> new UserInputException("there is no agent with id " + agentId));
        ObjectNode root = skeleton();
        Map<String, String> tools = ExportedTools.write((ArrayNode) root.get("tools"));
        ExportedAgent primary =
                new ExportedAgent(root.withArrayProperty("agents").addObject(), "agent-0", agent, models);
        KindredSection kindred = primary.kindred();
        kindred.settings(agent);
        List<String> sleeptimeSide = writeBlocks(agent, root.withArrayProperty("blocks"), primary);
        List<Message> recall = recall(agentId);
        memberBlocks(agentId, recall, kindred);
        services.passages().forEach(agentId, kindred::passage);
        new ExportedMessages(primary.node(), kindred.messages(), agent.model())
                .write(primary.system(), agent.createdAt(), recall, agent.window());
        boolean sleeptime = agent.sleeptime().enabled();
        primary.tools(ExportedTools.ids(tools, sleeptime ? ExportedTools.PRIMARY : editing()));
        if (sleeptime) {
            String systemId = "message-"
                    + (recall.isEmpty() ? 1 : recall.get(recall.size() - 1).seq() + 1);
            SleeptimeExport.Sides sides = new SleeptimeExport.Sides(
                    primary.blockIds(), sleeptimeSide, ExportedTools.ids(tools, ExportedTools.SLEEPTIME), systemId);
            SleeptimeExport.add(root, agent, sides, models);
        }
        return write(root);
    }

    private ObjectNode skeleton() {
        ObjectNode root = AgentFileJson.MAPPER.createObjectNode();
        for (String list : List.of("agents", "groups", "blocks", "files", "sources", "tools", "mcp_servers")) {
            root.putArray(list);
        }
        root.putObject("metadata").putObject(KindredExtras.KEY).put("format", 1);
        root.put("created_at", clock.instant().toString());
        return root;
    }

    /** Writes the blocks with their history; returns the file ids of the sleeptime side's own blocks. */
    private List<String> writeBlocks(Agent agent, ArrayNode blocks, ExportedAgent primary) {
        List<String> sleeptimeSide = new ArrayList<>();
        for (Block block : services.blocks().sharedBlocks(agent.id())) {
            String fileId = "block-" + blocks.size();
            blocks.add(ExportedAgent.block(block, fileId));
            primary.kindred().history(fileId, services.blocks().history(block.id()));
            if (agent.sleeptime().enabled() && block.description().startsWith(BlockPlanner.SLEEPTIME_SIDE)) {
                sleeptimeSide.add(fileId);
            } else {
                primary.addBlock(fileId);
            }
        }
        return sleeptimeSide;
    }

    private static List<String> editing() {
        List<String> names = new ArrayList<>(ExportedTools.PRIMARY);
        names.addAll(ExportedTools.EDITING);
        return names;
    }

    private List<Message> recall(String agentId) {
        long last = services.messages().lastSeq(agentId);
        return last == 0 ? List.of() : services.messages().range(agentId, 0, last);
    }

    private void memberBlocks(String agentId, List<Message> recall, KindredSection kindred) {
        List<String> speakers = recall.stream()
                .filter(m -> m.role() == Role.USER)
                .map(m -> m.speaker().id())
                .distinct()
                .toList();
        for (Block block : services.blocks().memberBlocks(agentId, speakers)) {
            kindred.memberBlock(block, services.blocks().history(block.id()));
        }
    }

    private static byte[] write(ObjectNode root) {
        try {
            return AgentFileJson.MAPPER
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(root)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the agent file", e);
        }
    }
}
