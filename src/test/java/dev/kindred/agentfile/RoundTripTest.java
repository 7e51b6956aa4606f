package dev.kindred.agentfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.Message;
import dev.kindred.memory.NewAgent;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Passage;
import dev.kindred.memory.Role;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.SleeptimeSettings;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.ToolInvocation;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A Kindred agent exported and imported again into a fresh scope comes back whole. */
class RoundTripTest extends TransferFixture {
    private static final Speaker ANA = new Speaker("user-7", "Ana");
    private static final Speaker MEMBER = new Speaker("member-42", "Bo");
    private static final Instant T0 = Instant.parse("2025-05-01T09:00:00.123Z");

    private Agent buildAgent(AgentScope scope, SleeptimeSettings sleeptime) {
        Agent agent = services()
                .agents()
                .create(new NewAgent(
                        "Juniper",
                        scope,
                        "user-7",
                        "anthropic/claude-opus-4-5",
                        "openai/gpt-4o-mini",
                        "Speak softly and remember birthdays.",
                        "Europe/Paris",
                        sleeptime));
        String id = agent.id();
        Block persona = services()
                .blocks()
                .create(new NewBlock(id, "persona", "I am Juniper.", 3_000, "Who I am.", false, null), Authors.SYSTEM);
        persona = services().blocks().update(persona.id(), 1, "I am Juniper, calm.", Authors.AGENT);
        services().blocks().update(persona.id(), 2, "I am Juniper, calm and curious.", Authors.SLEEPTIME);
        services()
                .blocks()
                .create(
                        new NewBlock(id, "rules", "Never share secrets.", 500, "House rules.", true, null),
                        Authors.user("7"));
        services()
                .blocks()
                .create(
                        new NewBlock(
                                id,
                                "memory_persona",
                                "I tidy Juniper's memory.",
                                2_000,
                                BlockPlanner.SLEEPTIME_SIDE + "Kept by the sleeptime agent.",
                                false,
                                null),
                        Authors.IMPORT);
        services()
                .blocks()
                .create(
                        new NewBlock(id, "human", "Bo likes tea.", 1_000, "Bo's block.", false, "member-42"),
                        Authors.AGENT);
        appendHistory(id);
        services().archival().insert(id, "Ana's birthday is on 3 March.", List.of("birthday", "ana"), "agent");
        services().archival().insert(id, "Bo plays the cello.", List.of("bo"), "user:member-42");
        return services().agents().update(id, a -> a.withWindow(new ContextWindow(4, "Earlier: Ana said hello.")));
    }

    private void appendHistory(String id) {
        append(id, Role.USER, "Hello, I'm Ana.", ANA, List.of(), null, "discord-1", 0);
        append(
                id,
                Role.ASSISTANT,
                "",
                Speaker.AGENT,
                List.of(new ToolInvocation("call-9", "archival_memory_insert", "{\"content\":\"Ana\"}")),
                null,
                null,
                1);
        append(
                id,
                Role.TOOL,
                "{\"status\":\"OK\"}",
                new Speaker("tool", "archival_memory_insert"),
                List.of(),
                "call-9",
                null,
                2);
        append(id, Role.SUMMARY, "Ana introduced herself.", Speaker.AGENT, List.of(), null, null, 3);
        append(id, Role.SYSTEM, "step limit reached", Speaker.AGENT, List.of(), null, null, 4);
        append(id, Role.USER, "Bo here, hi!", MEMBER, List.of(), null, "discord-2", 5);
        append(id, Role.USER, "my secret phone number", ANA, List.of(), null, "discord-3", 6);
        append(id, Role.ASSISTANT, "Hi Bo and Ana!", Speaker.AGENT, List.of(), null, null, 7);
        services().messages().erase(id, 7);
    }

    private void append(
            String id,
            Role role,
            String text,
            Speaker speaker,
            List<ToolInvocation> calls,
            String callId,
            String sourceId,
            int minutes) {
        services()
                .messages()
                .append(new NewMessage(
                        id, role, text, speaker, "dm-1", calls, callId, sourceId, T0.plusSeconds(60L * minutes)));
    }

    private Agent roundTrip(Agent original) {
        byte[] file = transfer().exportAgent(original.id());
        AgentScope target = freshScope();
        ImportReport report = transfer().importAgents(file, target, "someone-else");
        assertThat(report.agentIds()).hasSize(1);
        assertThat(report.notices()).isEmpty();
        return services().agents().get(report.agentIds().get(0)).orElseThrow();
    }

    @Test
    void roundTripKeepsSettingsWindowAndSleeptime() {
        Agent original = buildAgent(freshScope(), new SleeptimeSettings(true, 7, "openai/gpt-4o-mini"));
        Agent copy = roundTrip(original);

        assertThat(copy.name()).isEqualTo("Juniper");
        assertThat(copy.model()).isEqualTo(original.model());
        assertThat(copy.fallbackModel()).isEqualTo(original.fallbackModel());
        assertThat(copy.instructions()).isEqualTo(original.instructions());
        assertThat(copy.timezone()).isEqualTo("Europe/Paris");
        assertThat(copy.sleeptime()).isEqualTo(original.sleeptime());
        assertThat(copy.window()).isEqualTo(original.window());
    }

    @Test
    void roundTripKeepsBlocksWithLimitsReadOnlyAndHistory() {
        Agent original = buildAgent(freshScope(), new SleeptimeSettings(true, 7, null));
        Agent copy = roundTrip(original);

        assertThat(shape(services().blocks().sharedBlocks(copy.id())))
                .isEqualTo(shape(services().blocks().sharedBlocks(original.id())));
        assertThat(history(copy.id(), "persona")).isEqualTo(history(original.id(), "persona"));
        assertThat(history(copy.id(), "persona"))
                .extracting(v -> v.get(1))
                .containsExactly(Authors.SYSTEM, Authors.AGENT, Authors.SLEEPTIME);
        assertThat(shape(services().blocks().memberBlocks(copy.id(), Set.of("member-42"))))
                .isEqualTo(shape(services().blocks().memberBlocks(original.id(), Set.of("member-42"))));
    }

    @Test
    void roundTripKeepsMessagesWithRolesToolCallsAndTombstones() {
        Agent original = buildAgent(freshScope(), SleeptimeSettings.defaults());
        Agent copy = roundTrip(original);

        List<Message> before = services().messages().range(original.id(), 0, 100);
        List<Message> after = services().messages().range(copy.id(), 0, 100);
        assertThat(after).hasSize(8);
        assertThat(after)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "agentId")
                .isEqualTo(before);
        assertThat(after.get(6).erased()).isTrue();
    }

    @Test
    void roundTripKeepsPassagesWithTagsDatesAndFreshEmbeddings() {
        Agent original = buildAgent(freshScope(), SleeptimeSettings.defaults());
        Agent copy = roundTrip(original);

        assertThat(passages(copy.id())).isEqualTo(passages(original.id()));
        List<Passage> stored = services().passages().list(copy.id(), 0, 10);
        assertThat(stored).allSatisfy(p -> assertThat(p.embedding()).hasSize(EMBEDDER.dimensions()));
        assertThat(services().archival().search(copy.id(), SearchQuery.of("when is Ana's birthday", 1)))
                .singleElement()
                .satisfies(hit -> assertThat(hit.item().text()).contains("3 March"));
    }

    @Test
    void exportHasLettasSchemaWithASleeptimeGroup() throws IOException {
        Agent original = buildAgent(freshScope(), new SleeptimeSettings(true, 7, null));
        JsonNode root = AgentFileJson.MAPPER.readTree(transfer().exportAgent(original.id()));

        JsonNode primary = root.get("agents").get(0);
        assertThat(primary.get("agent_type").asText()).isEqualTo("letta_v1_agent");
        assertThat(primary.get("llm_config").get("model").asText()).isEqualTo("claude-opus-4-5");
        assertThat(primary.get("llm_config").get("model_endpoint_type").asText())
                .isEqualTo("anthropic");
        assertThat(primary.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(primary.get("messages")).hasSize(9);
        assertThat(primary.get("in_context_message_ids")).hasSize(6);
        assertThat(primary.get("block_ids")).hasSize(2);
        assertThat(toolNames(root, primary))
                .containsExactlyInAnyOrder("conversation_search", "archival_memory_search", "archival_memory_insert");
        JsonNode sleeptime = root.get("agents").get(1);
        assertThat(sleeptime.get("agent_type").asText()).isEqualTo("sleeptime_agent");
        assertThat(sleeptime.get("block_ids")).hasSize(3);
        assertThat(toolNames(root, sleeptime)).contains("memory_rethink", "memory_finish_edits");
        JsonNode manager = root.get("groups").get(0).get("manager_config");
        assertThat(manager.get("manager_type").asText()).isEqualTo("sleeptime");
        assertThat(manager.get("sleeptime_agent_frequency").asInt()).isEqualTo(7);
    }

    @Test
    void exportWithoutSleeptimeGivesThePrimaryTheEditingTools() throws IOException {
        Agent original = buildAgent(freshScope(), new SleeptimeSettings(false, 5, null));
        JsonNode root = AgentFileJson.MAPPER.readTree(transfer().exportAgent(original.id()));

        assertThat(root.get("agents")).hasSize(1);
        assertThat(root.get("groups")).isEmpty();
        assertThat(toolNames(root, root.get("agents").get(0))).contains("memory_replace", "memory_insert");
        assertThat(roundTrip(original).sleeptime().enabled()).isFalse();
    }

    private static List<String> toolNames(JsonNode root, JsonNode agent) {
        List<String> names = new ArrayList<>();
        for (JsonNode id : agent.get("tool_ids")) {
            for (JsonNode tool : root.get("tools")) {
                if (tool.get("id").asText().equals(id.asText())) {
                    names.add(tool.get("name").asText());
                }
            }
        }
        return names;
    }

    private static List<List<Object>> shape(List<Block> blocks) {
        return blocks.stream()
                .map(b -> List.<Object>of(
                        b.label(),
                        b.value(),
                        b.limit(),
                        b.description(),
                        b.readOnly(),
                        String.valueOf(b.memberId()),
                        b.version()))
                .toList();
    }

    private List<List<String>> history(String agentId, String label) {
        Block block = services().blocks().find(agentId, label, null).orElseThrow();
        return services().blocks().history(block.id()).stream()
                .map((BlockVersion v) -> List.of(v.value(), v.author()))
                .toList();
    }

    private List<List<Object>> passages(String agentId) {
        List<List<Object>> all = new ArrayList<>();
        services().passages().forEach(agentId, p -> all.add(List.of(p.text(), p.tags(), p.createdAt(), p.source())));
        return all;
    }
}
