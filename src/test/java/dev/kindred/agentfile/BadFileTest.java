package dev.kindred.agentfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Files that must be refused with a clear reason, before anything is written. */
class BadFileTest extends TransferFixture {

    private void assertRefused(byte[] file, String reason) {
        AgentScope scope = freshScope();
        long before = documentCount();
        assertThatThrownBy(() -> transfer().importAgents(file, scope, "owner"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(reason);
        assertThat(documentCount()).isEqualTo(before);
        assertThat(services().agents().list(scope)).isEmpty();
    }

    private static byte[] companionWith(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) AgentFileJson.MAPPER.readTree(CompanionImportTest.companion());
        change.accept(root);
        return AgentFileJson.MAPPER.writeValueAsBytes(root);
    }

    private static ObjectNode agent(ObjectNode root, int index) {
        return (ObjectNode) root.withArrayProperty("agents").get(index);
    }

    @Test
    void truncatedJsonIsRefused() throws IOException {
        byte[] whole = CompanionImportTest.companion();
        assertRefused(Arrays.copyOf(whole, whole.length / 2), "broken or cut off");
    }

    @Test
    void fileOverFiftyMegabytesIsRefusedBySizeBeforeParsing() {
        byte[] huge = new byte[(int) AgentFileJson.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        assertRefused(huge, "limited to 50 MB");
    }

    @Test
    void fileThatIsNotAnAgentFileIsRefused() {
        assertRefused("{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8), "not a Letta agent file");
        assertRefused("[1, 2, 3]".getBytes(StandardCharsets.UTF_8), "not a Letta agent file");
        assertRefused("\"just a sentence\"".getBytes(StandardCharsets.UTF_8), "not a valid agent file");
        assertRefused("{\"agents\": []}".getBytes(StandardCharsets.UTF_8), "holds no agent");
    }

    @Test
    void wrongTypesAreRefusedWithWhereTheyAre() throws IOException {
        assertRefused(
                companionWith(
                        root -> ((ObjectNode) root.withArrayProperty("blocks").get(0)).put("value", 42)),
                "block 'block-0'.value should be text");
        assertRefused(companionWith(root -> root.putObject("agents")), "file.agents should be a list");
        assertRefused(
                companionWith(root -> agent(root, 0).putArray("block_ids").add(7)), "block_ids[0] should be text");
        assertRefused(
                companionWith(root -> ((ObjectNode)
                                agent(root, 0).withArrayProperty("messages").get(1))
                        .put("created_at", "yesterday")),
                "is not a date");
    }

    @Test
    void idsThatPointNowhereAreRefused() throws IOException {
        assertRefused(
                companionWith(
                        root -> agent(root, 2).withArrayProperty("block_ids").add("block-99")),
                "refers to block 'block-99'");
        assertRefused(
                companionWith(
                        root -> agent(root, 0).withArrayProperty("tool_ids").add("tool-99")),
                "refers to tool 'tool-99'");
        assertRefused(
                companionWith(root -> agent(root, 0)
                        .withArrayProperty("in_context_message_ids")
                        .add("message-99")),
                "refers to message 'message-99'");
        assertRefused(
                companionWith(
                        root -> ((ObjectNode) root.withArrayProperty("groups").get(0))
                                .withObjectProperty("manager_config")
                                .put("manager_agent_id", "agent-99")),
                "refers to agent 'agent-99'");
    }

    @Test
    void duplicateIdsAreRefused() throws IOException {
        assertRefused(
                companionWith(
                        root -> ((ObjectNode) root.withArrayProperty("blocks").get(1)).put("id", "block-0")),
                "two blocks have the id 'block-0'");
    }

    @Test
    void fileEncodedTwiceIsDecodedTwice() throws IOException {
        byte[] twice = AgentFileJson.MAPPER.writeValueAsBytes(
                new String(CompanionImportTest.companion(), StandardCharsets.UTF_8));
        ImportReport report = transfer().importAgents(twice, freshScope(), "owner");
        assertThat(report.agentNames()).containsExactly("Mira", "Helper-Bot-");
    }
}
