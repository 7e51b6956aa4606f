package dev.kindred.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kindred.agent.AgentServices;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.Message;
import dev.kindred.model.UsageRecord;
import dev.kindred.model.UsageStore;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything kept about one person as one JSON document: their DM agents in full, their own blocks in
 * server agents with history, and their own messages in shared agents (nobody else's). Passages go
 * without their embeddings, which are derived and mean nothing to a person.
 */
final class PersonalExport {
    record ExportedBlock(Block block, List<BlockVersion> history) {}

    record ExportedPassage(String id, String text, List<String> tags, Instant createdAt, String source) {}

    record DmAgentData(
            Agent agent,
            List<ExportedBlock> blocks,
            List<Message> messages,
            List<ExportedPassage> passages,
            List<UsageRecord> usage) {}

    record MemberBlockData(String agentId, String agentName, String guildId, ExportedBlock block) {}

    record SharedAgentData(String agentId, String agentName, String guildId, List<Message> messages) {}

    record Document(
            String userId,
            Instant exportedAt,
            List<DmAgentData> dmAgents,
            List<MemberBlockData> memberBlocks,
            List<SharedAgentData> sharedAgents) {}

    private final AgentServices services;
    private final UsageStore usage;
    private final Inventory inventory;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    PersonalExport(AgentServices services, UsageStore usage, Inventory inventory) {
        this.services = services;
        this.usage = usage;
        this.inventory = inventory;
    }

    byte[] export(String userId, Instant now) {
        List<DmAgentData> dm =
                inventory.dmAgents(userId).stream().map(this::dmAgent).toList();
        List<MemberBlockData> member = new ArrayList<>();
        for (Block block : inventory.memberBlocks(userId)) {
            inventory
                    .agentOf(block)
                    .ifPresent(agent -> member.add(new MemberBlockData(
                            agent.id(), agent.name(), agent.scope().id(), withHistory(block))));
        }
        List<SharedAgentData> shared = inventory.sharedAgents(userId).stream()
                .map(agent -> new SharedAgentData(
                        agent.id(),
                        agent.name(),
                        agent.scope().id(),
                        services.messages().bySpeaker(agent.id(), userId)))
                .toList();
        try {
            return json.writeValueAsBytes(new Document(userId, now, dm, member, shared));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }

    private DmAgentData dmAgent(Agent agent) {
        List<ExportedBlock> blocks = services.blocks().allBlocks(agent.id()).stream()
                .map(this::withHistory)
                .toList();
        List<Message> messages = services.messages().range(agent.id(), 1, Long.MAX_VALUE);
        return new DmAgentData(agent, blocks, messages, passages(agent.id()), usage.history(agent.id()));
    }

    private ExportedBlock withHistory(Block block) {
        return new ExportedBlock(block, services.blocks().history(block.id()));
    }

    private List<ExportedPassage> passages(String agentId) {
        List<ExportedPassage> all = new ArrayList<>();
        services.passages()
                .forEach(
                        agentId,
                        p -> all.add(new ExportedPassage(p.id(), p.text(), p.tags(), p.createdAt(), p.source())));
        return all;
    }
}
