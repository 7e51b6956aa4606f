package dev.kindred.agentfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real agent files published by Letta (../shared/fixtures/agent-files) import whole. */
@Tag("shared")
class LettaFixturesTest extends TransferFixture {
    private static final Path FOLDER = Path.of("../shared/fixtures/agent-files");

    private record Imported(AgentScope scope, ImportReport report, JsonNode file) {}

    private Imported importFile(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(FOLDER.resolve(name));
        AgentScope scope = freshScope();
        ImportReport report = transfer().importAgents(bytes, scope, "owner");
        return new Imported(scope, report, AgentFileJson.read(bytes));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "co-3.af",
                "customer_service.af",
                "evie.af",
                "lettabot.af",
                "loop.af",
                "memgpt_agent.af",
                "memgpt_agent_with_convo.af",
                "void.af"
            })
    void everyFileImportsWithItsBlocksAndAReportOfMissingTools(String name) throws IOException {
        Imported imported = importFile(name);

        assertThat(imported.report().agentIds()).hasSize(1);
        String agentId = imported.report().agentIds().get(0);
        JsonNode primary = imported.file().get("agents").get(0);
        assertThat(labelsAndValues(services().blocks().sharedBlocks(agentId)))
                .containsAll(expectedBlocks(imported.file(), primary));
        for (String tool : missingTools(imported.file(), primary)) {
            assertThat(imported.report().notices()).anyMatch(n -> n.contains("not imported: ") && n.contains(tool));
        }
    }

    @Test
    void evieIsOneAgentWithSleeptimeAndTwelveSharedBlocksPlusItsSleeptimeBlock() throws IOException {
        Imported imported = importFile("evie.af");

        Agent evie = services().agents().findByName(imported.scope(), "Evie").orElseThrow();
        assertThat(evie.sleeptime().enabled()).isTrue();
        assertThat(evie.sleeptime().frequency()).isEqualTo(5);
        assertThat(evie.sleeptime().model()).isEqualTo("anthropic/claude-sonnet-4-5");
        assertThat(evie.model()).isEqualTo("anthropic/claude-opus-4-5");
        List<Block> blocks = services().blocks().sharedBlocks(evie.id());
        assertThat(blocks).hasSize(13);
        assertThat(blocks.stream().filter(b -> !b.description().startsWith(BlockPlanner.SLEEPTIME_SIDE)))
                .hasSize(12);
        Block memoryPersona =
                services().blocks().find(evie.id(), "memory_persona", null).orElseThrow();
        assertThat(memoryPersona.description()).startsWith(BlockPlanner.SLEEPTIME_SIDE);
        assertThat(services()
                        .blocks()
                        .find(evie.id(), "guardrails", null)
                        .orElseThrow()
                        .readOnly())
                .isTrue();
        assertThat(services().messages().count(evie.id())).isZero();
        assertThat(imported.report().notices())
                .anyMatch(n -> n.contains("web_search") && n.contains("memory_apply_patch"))
                .anyMatch(n -> n.contains("sleeptime agent became Kindred's sleeptime, every 5 messages"))
                .anyMatch(n -> n.contains("generic system prompt"));
    }

    @Test
    void loopsSendMessageCallBecomesTheAssistantsReply() throws IOException {
        Imported imported = importFile("loop.af");

        String agentId = imported.report().agentIds().get(0);
        List<Message> recall = services().messages().range(agentId, 0, 100);
        assertThat(recall).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(Role.ASSISTANT);
            assertThat(m.content()).isEqualTo("I'm Loop. I remember. What's on your mind?");
        });
        assertThat(imported.report().messages()).isEqualTo(1);
        Agent loop = services().agents().get(agentId).orElseThrow();
        assertThat(loop.window().startSeq()).isEqualTo(recall.get(0).seq());
        assertThat(loop.instructions()).startsWith("You are Loop. You remember.");
    }

    @Test
    void filesEncodedTwiceImportAndModelsMapToConfiguredProviders() throws IOException {
        Imported service = importFile("customer_service.af");
        Imported voidAgent = importFile("void.af");
        Imported lettabot = importFile("lettabot.af");

        assertThat(services()
                        .agents()
                        .get(service.report().agentIds().get(0))
                        .orElseThrow()
                        .model())
                .isEqualTo("openai/gpt-4o-mini");
        assertThat(services()
                        .agents()
                        .get(voidAgent.report().agentIds().get(0))
                        .orElseThrow()
                        .model())
                .isEqualTo("gemini/gemini-2.5-pro");
        assertThat(services()
                        .agents()
                        .get(lettabot.report().agentIds().get(0))
                        .orElseThrow()
                        .model())
                .isEqualTo(CATALOG.defaultModel());
        assertThat(lettabot.report().notices()).anyMatch(n -> n.contains("zai/glm-5"));
        assertThat(voidAgent.report().notices()).anyMatch(n -> n.contains("attached files"));
    }

    private static List<String> labelsAndValues(List<Block> blocks) {
        return blocks.stream().map(b -> b.label() + "=" + b.value()).toList();
    }

    private static List<String> expectedBlocks(JsonNode file, JsonNode agent) {
        List<String> expected = new ArrayList<>();
        for (JsonNode id : agent.get("block_ids")) {
            for (JsonNode block : file.get("blocks")) {
                if (block.get("id").asText().equals(id.asText())) {
                    expected.add(BlockLabels.sanitize(block.get("label").asText()) + "="
                            + block.path("value").asText(""));
                }
            }
        }
        return expected;
    }

    private static Set<String> missingTools(JsonNode file, JsonNode agent) {
        Set<String> ids = new HashSet<>();
        agent.get("tool_ids").forEach(id -> ids.add(id.asText()));
        Set<String> missing = new HashSet<>();
        for (JsonNode tool : file.get("tools")) {
            String name = tool.get("name").asText();
            if (ids.contains(tool.get("id").asText())
                    && !ToolReport.KINDRED.contains(name)
                    && !name.equals("send_message")) {
                missing.add(name);
            }
        }
        return missing;
    }
}
