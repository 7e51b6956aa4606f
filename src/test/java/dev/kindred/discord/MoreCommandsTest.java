package dev.kindred.discord;

import static dev.kindred.discord.FakeWorld.ALICE;
import static dev.kindred.discord.FakeWorld.BOB;
import static dev.kindred.discord.FakeWorld.CAROL;
import static dev.kindred.discord.FakeWorld.GENERAL;
import static dev.kindred.discord.FakeWorld.GUILD;
import static dev.kindred.discord.FakeWorld.LOUNGE;
import static dev.kindred.discord.FakeWorld.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Binding;
import dev.kindred.memory.Block;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The slash commands CommandsTest leaves out, through real JDA: each happy path and its refusal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoreCommandsTest {
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

    // ---- /agent ----

    @Test
    void bindingAnAgentWhereOtherPeopleReadThanInItsOtherChannelsSaysItsMemoryIsShared() {
        try {
            h.run(ALICE, GENERAL, "agent", "bind", Map.of("name", "Club"));
            String lounge = h.run(ALICE, LOUNGE, "agent", "bind", Map.of("name", "Club"));
            String staff = h.run(ALICE, STAFF, "agent", "bind", Map.of("name", "Club"));

            assertThat(lounge).contains("Club now answers in this channel").doesNotContain("memory");
            assertThat(staff)
                    .contains("Club now answers in this channel")
                    .contains("also answers in #general, #lounge")
                    .contains("memory")
                    .contains("Bind a separate agent");
        } finally {
            for (String channel : List.of(GENERAL, LOUNGE, STAFF)) {
                h.services.bindings().unbind(Binding.channel(channel));
            }
        }
    }

    @Test
    void agentRenameNeedsAdminAndRenamesTheServerAgent() {
        String refused = h.run(BOB, GENERAL, "agent", "rename", Map.of("name", "Bobs Club"));
        assertThat(refused).contains(NEEDS_ADMIN);
        assertThat(h.services.agents().get(club.id()).orElseThrow().name()).isEqualTo("Club");

        String renamed = h.run(ALICE, GENERAL, "agent", "rename", Map.of("name", "Clubhouse"));

        assertThat(renamed).contains("Club is now called Clubhouse");
        assertThat(h.services.agents().get(club.id()).orElseThrow().name()).isEqualTo("Clubhouse");
        h.services.agents().update(club.id(), a -> a.withName("Club"));
    }

    @Test
    void agentResetMovesTheContextWindowPastTheLastMessageAndKeepsTheMessages() {
        appendMessage(club, ALICE, GENERAL, "first words before the reset");
        appendMessage(club, ALICE, GENERAL, "second words before the reset");
        long last = h.services.messages().lastSeq(club.id());
        long stored = h.services.messages().count(club.id());

        String refused = h.run(BOB, GENERAL, "agent", "reset", Map.of());
        assertThat(refused).contains(NEEDS_ADMIN);
        assertThat(h.services.agents().get(club.id()).orElseThrow().window().startSeq())
                .isLessThanOrEqualTo(last);

        String reset = h.run(ALICE, GENERAL, "agent", "reset", Map.of());

        assertThat(reset).contains("starts a fresh conversation");
        assertThat(h.services.agents().get(club.id()).orElseThrow().window().startSeq())
                .isGreaterThan(last);
        assertThat(h.services.messages().count(club.id())).isEqualTo(stored);
    }

    @Test
    void agentInfoShowsTheServerAgentsModelAndBindingToAnyMember() {
        String info = h.run(BOB, GENERAL, "agent", "info", Map.of());

        assertThat(info).contains("\"title\":\"Club\"").contains("test/tiny").contains(Binding.guild(GUILD));
    }

    @Test
    void agentInstructionsOpensAModalForAdminsOnlyAndSavesIt() {
        String refused = h.run(BOB, GENERAL, "agent", "instructions", Map.of());
        assertThat(refused).contains(NEEDS_ADMIN);

        String modalId = openInstructionsModal(ALICE);
        String saved = h.submitModal(ALICE, GENERAL, modalId, "instructions", "Greet every newcomer.");

        assertThat(saved).contains("Saved the instructions of Club");
        assertThat(h.services.agents().get(club.id()).orElseThrow().instructions())
                .isEqualTo("Greet every newcomer.");
    }

    @Test
    void aStaleInstructionsModalIsRefusedAndKeepsTheNewerInstructions() {
        String modalId = openInstructionsModal(ALICE);
        h.services.agents().update(club.id(), a -> a.withInstructions("Changed meanwhile."));

        String answer = h.submitModal(ALICE, GENERAL, modalId, "instructions", "My stale instructions");

        assertThat(answer).contains("The instructions of Club was changed by someone else");
        assertThat(h.services.agents().get(club.id()).orElseThrow().instructions())
                .isEqualTo("Changed meanwhile.");
    }

    @Test
    void agentInstructionsOfALongButValidNameOpensAModalWhoseLabelFitsDiscordsLimit() {
        String name = "Captain Ahab of the Pequod Whaler"; // 33 characters, a valid name
        h.run(ALICE, dm(ALICE), "agent", "create", Map.of("name", name));

        FakeDiscord.Request modal = h.callback(h.send(ALICE, dm(ALICE), "agent", "instructions", Map.of()), 9);

        String shown = modal.firstFieldLabel();
        assertThat(shown)
                .hasSizeLessThanOrEqualTo(45)
                .startsWith("Instructions for Captain Ahab")
                .endsWith("…");
    }

    // ---- /memory delete ----

    @Test
    void memoryDeleteOfAServerAgentsSharedBlockIsRefusedToMembers() {
        String refused = h.run(BOB, GENERAL, "memory", "delete", Map.of("label", "persona"));

        assertThat(refused).contains(NEEDS_ADMIN);
        assertThat(h.services.blocks().find(club.id(), "persona", null)).isPresent();
    }

    @Test
    void memoryDeleteInDmsRemovesTheBlockFromTheCompanion() {
        h.run(CAROL, dm(CAROL), "memory", "create", Map.of("label", "scratch", "value", "Buy milk."));
        Agent companion = companion(CAROL);
        assertThat(h.services.blocks().find(companion.id(), "scratch", null)).isPresent();

        String deleted = h.run(CAROL, dm(CAROL), "memory", "delete", Map.of("label", "scratch"));

        assertThat(deleted).contains("Deleted `scratch`");
        assertThat(h.services.blocks().find(companion.id(), "scratch", null)).isEmpty();
    }

    // ---- /memory attach, detach ----

    @Test
    void twoCompanionsShareAnAttachedBlockUntilItIsDetached() {
        h.run(BOB, dm(BOB), "memory", "create", Map.of("label", "journal", "value", "Day one."));
        Agent first = companion(BOB);
        h.run(BOB, dm(BOB), "agent", "create", Map.of("name", "Sage"));
        Agent sage = companion(BOB);
        assertThat(sage.id()).isNotEqualTo(first.id());

        String attached = h.run(BOB, dm(BOB), "memory", "attach", Map.of("label", "journal", "agent", first.name()));
        h.run(BOB, dm(BOB), "memory", "append", Map.of("label", "journal", "text", "Day two."));

        assertThat(attached).contains("`journal` is now shared between " + first.name() + " and Sage");
        assertThat(journal(first).value()).isEqualTo("Day one.\nDay two.");
        assertThat(journal(first).id()).isEqualTo(journal(sage).id());

        String detached = h.run(BOB, dm(BOB), "memory", "detach", Map.of("label", "journal"));

        assertThat(detached).contains("Detached `journal` from Sage");
        assertThat(h.services.blocks().find(sage.id(), "journal", null)).isEmpty();
        assertThat(journal(first).value()).isEqualTo("Day one.\nDay two.");
    }

    @Test
    void attachingABlockToAServerAgentTheMemberDoesNotManageIsRefused() {
        Agent helper = h.directory.create("Helper", AgentScope.guild(GUILD), ALICE.id(), "test/tiny");
        h.services
                .blocks()
                .create(
                        new NewBlock(helper.id(), "lore", "The club meets on Fridays.", 500, "", false, null),
                        Authors.SYSTEM);

        String refused = h.run(BOB, GENERAL, "memory", "attach", Map.of("label", "lore", "agent", "Helper"));

        assertThat(refused).contains(NEEDS_ADMIN);
        assertThat(h.services.blocks().find(club.id(), "lore", null)).isEmpty();
    }

    // ---- helpers ----

    private Block journal(Agent agent) {
        return h.services.blocks().find(agent.id(), "journal", null).orElseThrow();
    }

    private void appendMessage(Agent agent, FakeWorld.Person who, String channel, String text) {
        h.services
                .recall()
                .append(NewMessage.text(
                        agent.id(), Role.USER, text, new Speaker(who.id(), who.name()), channel, Instant.now()));
    }

    private static String dm(FakeWorld.Person p) {
        return p.dmChannel();
    }

    private Agent companion(FakeWorld.Person p) {
        String agentId = h.services
                .bindings()
                .find(Binding.dm(p.id()))
                .map(Binding::agentId)
                .orElseThrow();
        return h.services.agents().get(agentId).orElseThrow();
    }

    private String openInstructionsModal(FakeWorld.Person who) {
        Agent current = h.services.agents().get(club.id()).orElseThrow();
        String id = h.send(who, GENERAL, "agent", "instructions", Map.of());
        FakeDiscord.Request modal = h.discord.await(
                "POST", "/interactions/" + id + "/", r -> r.json().path("type").asInt() == 9);
        String modalId = modal.json().path("data").path("custom_id").asText();
        assertThat(modalId).isEqualTo("agent-instructions:" + club.id() + ":" + current.version());
        return modalId;
    }
}
