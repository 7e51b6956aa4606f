package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.Passage;
import java.util.List;

/**
 * Writes the agent's {@code metadata.kindred}: what Letta has no place for (exact settings, the
 * window's summary, block history, members' own blocks, archival passages), where Letta ignores it.
 * {@link KindredExtras} reads it back.
 */
final class KindredSection {
    private final ObjectNode node;

    KindredSection(ObjectNode metadata) {
        this.node = metadata.putObject(KindredExtras.KEY);
        node.put("format", 1);
    }

    ObjectNode messages() {
        return node.withObjectProperty("messages");
    }

    void settings(Agent agent) {
        node.put("model", agent.model());
        node.put("fallback_model", agent.fallbackModel());
        node.put("instructions", agent.instructions());
        node.put("timezone", agent.timezone());
        node.putObject("sleeptime")
                .put("enabled", agent.sleeptime().enabled())
                .put("frequency", agent.sleeptime().frequency())
                .put("model", agent.sleeptime().model());
        node.putObject("window")
                .put("start_seq", agent.window().startSeq())
                .put("summary", agent.window().summary());
    }

    void history(String fileId, List<BlockVersion> versions) {
        versions(node.withObjectProperty("block_history").putArray(fileId), versions);
    }

    void memberBlock(Block block, List<BlockVersion> versions) {
        ObjectNode member = node.withArrayProperty("member_blocks").addObject();
        member.put("label", block.label()).put("value", block.value()).put("limit", block.limit());
        member.put("description", block.description()).put("read_only", block.readOnly());
        member.put("member_id", block.memberId());
        versions(member.putArray("history"), versions);
    }

    void passage(Passage passage) {
        ObjectNode item = node.withArrayProperty("passages").addObject();
        item.put("text", passage.text());
        ArrayNode tags = item.putArray("tags");
        passage.tags().forEach(tags::add);
        item.put("created_at", passage.createdAt().toString()).put("source", passage.source());
    }

    private static void versions(ArrayNode array, List<BlockVersion> versions) {
        for (BlockVersion version : versions) {
            array.addObject()
                    .put("value", version.value())
                    .put("author", version.author())
                    .put("created_at", version.createdAt().toString());
        }
    }
}
