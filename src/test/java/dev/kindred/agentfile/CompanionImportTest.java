package dev.kindred.agentfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written companion.af: a shared block, a sleeptime group, tool calls, a window. */
class CompanionImportTest extends TransferFixture {

    static byte[] companion() throws IOException {
        try (InputStream in = CompanionImportTest.class.getResourceAsStream("/agentfile/companion.af")) {
            return in.readAllBytes();
        }
    }

    private ImportReport importCompanion(AgentScope scope) throws IOException {
        return transfer().importAgents(companion(), scope, "owner-1");
    }

    private Agent agent(AgentScope scope, String name) {
        return services().agents().findByName(scope, name).orElseThrow();
    }

    @Test
    void sleeptimeGroupBecomesOneAgentWithSleeptimeOn() throws IOException {
        AgentScope scope = freshScope();
        ImportReport report = importCompanion(scope);

        assertThat(report.agentNames()).containsExactly("Mira", "Helper-Bot-");
        Agent mira = agent(scope, "Mira");
        assertThat(mira.sleeptime().enabled()).isTrue();
        assertThat(mira.sleeptime().frequency()).isEqualTo(3);
        assertThat(mira.sleeptime().model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(mira.model()).isEqualTo("anthropic/claude-sonnet-4-5");
        assertThat(mira.timezone()).isEqualTo("Europe/Berlin");
        assertThat(services().agents().list(scope)).hasSize(2);
    }

    @Test
    void blockListedByTwoAgentsIsOneSharedBlock() throws IOException {
        AgentScope scope = freshScope();
        ImportReport report = importCompanion(scope);

        Block notes = services()
                .blocks()
                .find(agent(scope, "Mira").id(), "team_notes", null)
                .orElseThrow();
        assertThat(notes.agentIds()).containsExactlyInAnyOrder(report.agentIds().toArray(String[]::new));
        assertThat(notes.readOnly()).isTrue();
        assertThat(report.blocks()).isEqualTo(5);
    }

    @Test
    void blocksKeepValuesAndLimitsAreRaisedToFit() throws IOException {
        AgentScope scope = freshScope();
        ImportReport report = importCompanion(scope);

        List<Block> blocks =
                services().blocks().sharedBlocks(agent(scope, "Mira").id());
        assertThat(blocks)
                .extracting(Block::label, Block::value, Block::limit)
                .containsExactly(
                        tuple("human", "Sam, beekeeper, lives near Bonn.", 32),
                        tuple("memory_persona", "I consolidate Mira's memory carefully.", 20_000),
                        tuple("persona", "I am Mira. I love gardens and bees.", 2_000),
                        tuple("team_notes", "Shared notes of the garden club.", 5_000));
        assertThat(report.notices()).anyMatch(n -> n.contains("'human'") && n.contains("raised to 32"));
        Block helperPersona = services()
                .blocks()
                .find(agent(scope, "Helper-Bot-").id(), "persona", null)
                .orElseThrow();
        assertThat(helperPersona.limit()).isEqualTo(DEFAULTS.blockLimit());
    }

    @Test
    void sleeptimeAgentsOwnBlockIsAttachedAndMarked() throws IOException {
        AgentScope scope = freshScope();
        importCompanion(scope);

        Block memoryPersona = services()
                .blocks()
                .find(agent(scope, "Mira").id(), "memory_persona", null)
                .orElseThrow();
        assertThat(memoryPersona.description()).startsWith(BlockPlanner.SLEEPTIME_SIDE);
        assertThat(memoryPersona.agentIds()).hasSize(1);
    }

    @Test
    void messagesBecomeRecallInOrderWithToolCalls() throws IOException {
        AgentScope scope = freshScope();
        ImportReport report = importCompanion(scope);

        Agent mira = agent(scope, "Mira");
        List<Message> recall = services().messages().range(mira.id(), 0, 100);
        assertThat(recall)
                .extracting(Message::role, Message::content)
                .containsExactly(
                        tuple(Role.USER, "Hi, I'm Sam and I keep bees."),
                        tuple(Role.ASSISTANT, "Sam keeps bees; worth remembering."),
                        tuple(Role.TOOL, "{\"status\": \"OK\", \"message\": \"stored\"}"),
                        tuple(Role.ASSISTANT, "Nice to meet you, Sam!"),
                        tuple(Role.USER, "How many hives should I start with?"),
                        tuple(Role.ASSISTANT, "Two hives, so you can compare them."));
        assertThat(recall.get(1).toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call-1");
            assertThat(call.name()).isEqualTo("archival_memory_insert");
            assertThat(call.arguments()).contains("Sam keeps bees");
        });
        assertThat(recall.get(2).toolCallId()).isEqualTo("call-1");
        assertThat(recall.get(0).speaker().id()).isEqualTo("owner-1");
        assertThat(report.messages()).isEqualTo(6);
        assertThat(mira.window()).isEqualTo(new ContextWindow(recall.get(4).seq(), ""));
    }

    @Test
    void customSystemPromptIsKeptWithoutCompiledMemoryAndBoilerplateIsNot() throws IOException {
        AgentScope scope = freshScope();
        ImportReport report = importCompanion(scope);

        assertThat(agent(scope, "Mira").instructions())
                .isEqualTo("You are Mira, warm and curious. Ask one question at a time.");
        assertThat(agent(scope, "Helper-Bot-").instructions()).isEqualTo(DEFAULTS.instructions());
        assertThat(report.notices()).anyMatch(n -> n.contains("generic system prompt"));
    }

    @Test
    void reportNamesToolsThatDidNotComeAcrossAndUnmatchedModels() throws IOException {
        ImportReport report = importCompanion(freshScope());

        assertThat(report.notices())
                .anyMatch(n -> n.startsWith("Mira:")
                        && n.contains("web_search (Letta built-in)")
                        && n.contains("lookup_weather (custom code)")
                        && !n.contains("send_message")
                        && !n.contains("conversation_search"));
        assertThat(report.notices())
                .anyMatch(n -> n.contains("zai/glm-5") && n.contains("anthropic/claude-sonnet-4-5"));
        assertThat(report.notices()).anyMatch(n -> n.contains("'Helper/Bot!' is called 'Helper-Bot-'"));
    }

    @Test
    void secondImportIntoTheSameScopeGetsSuffixedNames() throws IOException {
        AgentScope scope = freshScope();
        importCompanion(scope);
        ImportReport again = importCompanion(scope);

        assertThat(again.agentNames()).containsExactly("Mira 2", "Helper-Bot- 2");
    }
}
