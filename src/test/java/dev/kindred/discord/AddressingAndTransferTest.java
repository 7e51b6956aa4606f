package dev.kindred.discord;

import static dev.kindred.discord.FakeWorld.ALICE;
import static dev.kindred.discord.FakeWorld.BOB;
import static dev.kindred.discord.FakeWorld.CAROL;
import static dev.kindred.discord.FakeWorld.GENERAL;
import static dev.kindred.discord.FakeWorld.GUILD;
import static dev.kindred.discord.FakeWorld.LOUNGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Agent files in and out, how a server message addresses the bot, and model autocomplete. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddressingAndTransferTest {
    private static final String NEEDS_ADMIN = "You need the Manage Server permission or the 'Keepers' role";

    private BotHarness h;
    private Agent club;

    @BeforeAll
    void start() throws Exception {
        h = new BotHarness(1_000, 0);
        club = h.directory.create("Club", AgentScope.guild(GUILD), ALICE.id(), "test/tiny");
        h.services.bindings().bind(new Binding(Binding.guild(GUILD), club.id(), ListenMode.MENTION, GUILD));
    }

    @AfterAll
    void stop() {
        h.close();
    }

    // ---- /agent export, import ----

    @Test
    void agentExportInDmsAttachesTheCompanionsAgentFile() {
        h.run(CAROL, CAROL.dmChannel(), "agent", "info", Map.of());
        Agent companion = companion(CAROL);

        String answer = h.run(CAROL, CAROL.dmChannel(), "agent", "export", Map.of());

        assertThat(answer).startsWith("--").contains("Here is " + companion.name() + ".");
        assertThat(answer).contains("filename=\"" + companion.name() + ".af\"");
        assertThat(answer).contains("{\"agent\":\"" + companion.id() + "\"}");
    }

    @Test
    void agentImportInDmsHandsTheFilesBytesToTheTransferAndRepliesWithTheReport() {
        String file = "{\"agents\":[{\"name\":\"Echo\"}]}";
        int before = h.importedFiles.size();

        String answer = runWithFile(BOB, BOB.dmChannel(), "echo.af", file);

        assertThat(answer).contains("Imported Echo: 2 blocks, 3 messages, 1 passages.");
        assertThat(answer).contains("Mapped gpt-4 to test/tiny.");
        assertThat(h.importedFiles).hasSize(before + 1);
        assertThat(h.importedFiles.get(before)).isEqualTo(file);
        assertThat(h.imports.get(before)).isEqualTo(AgentScope.dm(BOB.id()).key());
    }

    @Test
    void agentImportIntoAServerIsRefusedToAMemberAndAllowedToAnAdmin() {
        String file = "{\"agents\":[]}";
        int before = h.imports.size();

        String refused = runWithFile(BOB, GENERAL, "club.af", file);

        assertThat(refused).contains(NEEDS_ADMIN);
        assertThat(h.imports).hasSize(before);

        String imported = runWithFile(ALICE, GENERAL, "club.af", file);

        assertThat(imported).contains("Imported Echo");
        assertThat(h.imports).hasSize(before + 1);
        assertThat(h.imports.get(before)).isEqualTo(AgentScope.guild(GUILD).key());
    }

    // ---- addressing in a server ----

    @Test
    void aReplyToTheBotInAnUnboundChannelIsAnsweredWithoutAMention() {
        String botMessage = h.discord.nextId();
        String messageId = h.discord.nextId();
        h.model.reply("You replied to me.");

        h.discord.dispatch(
                "MESSAGE_CREATE",
                h.discord.world.replyInGuild(
                        messageId, LOUNGE, BOB, "what did you mean?", botMessage, h.discord.world.botUser()));

        FakeDiscord.Request reply = h.discord.await(
                "POST", "/channels/" + LOUNGE + "/messages", r -> r.content().equals("You replied to me."));
        assertThat(reply.json().path("message_reference").path("message_id").asText())
                .isEqualTo(messageId);
        assertThat(h.services.messages().bySource(club.id(), messageId)).isPresent();
    }

    @Test
    void aReplyToAnotherMemberInAnUnboundChannelIsIgnored() {
        String messageId = h.discord.nextId();

        h.discord.dispatch(
                "MESSAGE_CREATE",
                h.discord.world.replyInGuild(
                        messageId, LOUNGE, BOB, "agreed", h.discord.nextId(), FakeWorld.user(ALICE)));
        awaitMarker();

        assertThat(h.services.messages().bySource(club.id(), messageId)).isEmpty();
    }

    @Test
    void aMessageMentioningOnlyEveryoneIsIgnored() {
        String messageId = h.discord.nextId();
        Map<String, Object> message = h.discord.world.inGuild(messageId, LOUNGE, BOB, "@everyone party tonight", false);
        message.put("mention_everyone", true);

        h.discord.dispatch("MESSAGE_CREATE", message);
        awaitMarker();

        assertThat(h.services.messages().bySource(club.id(), messageId)).isEmpty();
        assertThat(h.discord.requests("POST", "/channels/" + LOUNGE + "/messages").stream()
                        .filter(r -> r.json()
                                .path("message_reference")
                                .path("message_id")
                                .asText()
                                .equals(messageId)))
                .isEmpty();
    }

    // ---- /agent model autocomplete ----

    @Test
    void modelAutocompleteSuggestsTheConfiguredModelsMatchingWhatIsTyped() {
        assertThat(suggestModels("LAR")).containsExactly("test/large");
        assertThat(suggestModels("test/")).containsExactlyElementsOf(BotHarness.MODELS);
        assertThat(suggestModels("claude")).isEmpty();
    }

    // ---- helpers ----

    private List<String> suggestModels(String typed) {
        String id = h.discord.nextId();
        h.discord.dispatch(
                "INTERACTION_CREATE",
                h.discord.world.autocomplete(id, CAROL, CAROL.dmChannel(), "agent", "model", "model", typed));
        JsonNode answer = h.discord
                .await(
                        "POST",
                        "/interactions/" + id + "/",
                        r -> r.json().path("type").asInt() == 8)
                .json();
        List<String> names = new ArrayList<>();
        for (JsonNode choice : answer.path("data").path("choices")) {
            assertThat(choice.path("value").asText())
                    .isEqualTo(choice.path("name").asText());
            names.add(choice.path("name").asText());
        }
        return names;
    }

    /** A DM answered after an ignored message proves the ignored one was handled (JDA keeps order). */
    private void awaitMarker() {
        h.model.reply("marker");
        String marker = h.discord.nextId();
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(marker, ALICE, "ping"));
        h.awaitDm(ALICE, "marker");
    }

    private Agent companion(FakeWorld.Person p) {
        String agentId = h.services
                .bindings()
                .find(Binding.dm(p.id()))
                .map(Binding::agentId)
                .orElseThrow();
        return h.services.agents().get(agentId).orElseThrow();
    }

    private String runWithFile(FakeWorld.Person who, String channel, String fileName, String text) {
        String url = h.discord.file(fileName, text);
        String id = h.discord.nextId();
        h.discord.dispatch(
                "INTERACTION_CREATE",
                h.discord.world.slashWithFile(
                        id, who, channel, "agent", "import", "file", fileName, url, text.length(), Map.of()));
        return h.answer(id);
    }
}
