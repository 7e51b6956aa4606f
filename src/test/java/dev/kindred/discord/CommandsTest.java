package dev.kindred.discord;

import static dev.kindred.discord.FakeWorld.ALICE;
import static dev.kindred.discord.FakeWorld.BOB;
import static dev.kindred.discord.FakeWorld.CAROL;
import static dev.kindred.discord.FakeWorld.GENERAL;
import static dev.kindred.discord.FakeWorld.GUILD;
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
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Slash commands through real JDA: each happy path and its refusal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsTest {
    private static final String NEEDS_ADMIN = "You need the Manage Server permission or the 'Keepers' role";

    private BotHarness h;
    private Agent club;

    @BeforeAll
    void start() throws Exception {
        h = new BotHarness(1_000, 0);
        club = h.directory.create("Club", AgentScope.guild(GUILD), ALICE.id(), "test/tiny");
        h.services.bindings().bind(new Binding(Binding.guild(GUILD), club.id(), ListenMode.MENTION, GUILD));
        h.services
                .blocks()
                .create(
                        new NewBlock(club.id(), "human", "Alice's secret notes", 500, "", false, ALICE.id()),
                        Authors.SYSTEM);
    }

    @AfterAll
    void stop() {
        h.close();
    }

    // ---- /memory ----

    @Test
    void memoryViewInDmsShowsTheCompanionsBlocksEphemerally() {
        String answer = h.run(ALICE, dm(ALICE), "memory", "view", Map.of());

        assertThat(answer)
                .contains("persona")
                .contains("I am Sam, a warm companion.")
                .contains("\"flags\":64");
    }

    @Test
    void memoryViewInAServerShowsOnlyTheMembersOwnHumanBlock() {
        String bobs = h.run(BOB, GENERAL, "memory", "view", Map.of("label", "human"));
        String alices = h.run(ALICE, GENERAL, "memory", "view", Map.of("label", "human"));

        assertThat(bobs).contains("talk to the agent first").doesNotContain("Alice's secret notes");
        assertThat(alices).contains("Alice's secret notes");
    }

    @Test
    void memoryEditOpensAPrefilledModalAndSavesWithTheVersionItShowed() {
        Agent companion = companion(BOB);
        Block persona =
                h.services.blocks().find(companion.id(), "persona", null).orElseThrow();

        FakeDiscord.Request modal = h.callback(h.send(BOB, dm(BOB), "memory", "edit", Map.of("label", "persona")), 9);
        String modalId = modal.json().path("data").path("custom_id").asText();
        assertThat(modalId).isEqualTo("memory-edit:" + persona.id() + ":" + persona.version());
        assertThat(modal.body()).contains("I am Sam, a warm companion.");

        String answer = h.submitModal(BOB, dm(BOB), modalId, "value", "I am Sam, and I love sailing.");

        assertThat(answer).contains("Saved `persona`");
        Block saved = h.services.blocks().get(persona.id()).orElseThrow();
        assertThat(saved.value()).isEqualTo("I am Sam, and I love sailing.");
        assertThat(saved.updatedBy()).isEqualTo("user:" + BOB.id());
    }

    @Test
    void aModalSavedOverANewerVersionIsRefusedNamingWhoChangedIt() {
        Agent companion = companion(CAROL);
        Block persona =
                h.services.blocks().find(companion.id(), "persona", null).orElseThrow();
        FakeDiscord.Request modal =
                h.callback(h.send(CAROL, dm(CAROL), "memory", "edit", Map.of("label", "persona")), 9);
        String modalId = modal.json().path("data").path("custom_id").asText();
        h.services.blocks().update(persona.id(), persona.version(), "Edited by the agent meanwhile.", Authors.AGENT);

        String answer = h.submitModal(CAROL, dm(CAROL), modalId, "value", "My stale edit");

        assertThat(answer).contains("was changed by agent");
        assertThat(h.services.blocks().get(persona.id()).orElseThrow().value())
                .isEqualTo("Edited by the agent meanwhile.");
    }

    @Test
    void memoryEditOfALongButValidLabelOpensAModalWhoseLabelFitsDiscordsLimit() {
        String label = "favourite_books_and_authors_of_2025"; // 35 characters: too long with "(limit 5000)"
        h.run(CAROL, dm(CAROL), "memory", "create", Map.of("label", label, "value", "Dune"));

        FakeDiscord.Request modal = h.callback(h.send(CAROL, dm(CAROL), "memory", "edit", Map.of("label", label)), 9);

        String shown = modal.firstFieldLabel();
        assertThat(modal.body()).contains("Dune");
        assertThat(shown)
                .hasSizeLessThanOrEqualTo(45)
                .startsWith("favourite_books")
                .contains("…")
                .endsWith(")");
    }

    @Test
    void memoryEditOfASharedServerBlockNeedsAdminRights() {
        String answer = h.run(BOB, GENERAL, "memory", "edit", Map.of("label", "persona"));

        assertThat(answer).contains(NEEDS_ADMIN);
    }

    @Test
    void memoryCreateInAServerWorksForTheAdminRoleAndIsRefusedToMembers() {
        String refused = h.run(BOB, GENERAL, "memory", "create", Map.of("label", "rules", "value", "Be kind."));
        String created = h.run(CAROL, GENERAL, "memory", "create", Map.of("label", "rules", "value", "Be kind."));

        assertThat(refused).contains(NEEDS_ADMIN);
        assertThat(created).contains("Created `rules`");
        assertThat(h.services
                        .blocks()
                        .find(club.id(), "rules", null)
                        .orElseThrow()
                        .value())
                .isEqualTo("Be kind.");
    }

    @Test
    void memoryAppendHistoryAndRevertWorkTogether() {
        Agent companion = companion(ALICE);
        h.run(ALICE, dm(ALICE), "memory", "append", Map.of("label", "human", "text", "Likes lighthouses."));
        Block human = h.services.blocks().find(companion.id(), "human", null).orElseThrow();
        assertThat(human.value()).endsWith("\nLikes lighthouses.");

        String history = h.run(ALICE, dm(ALICE), "memory", "history", Map.of("label", "human"));
        String reverted = h.run(ALICE, dm(ALICE), "memory", "revert", Map.of("label", "human", "version", 1));

        assertThat(history).contains("user:" + ALICE.id()).contains("**v1**");
        assertThat(reverted).contains("Restored `human` to version 1");
        assertThat(h.services.blocks().get(human.id()).orElseThrow().value()).doesNotContain("lighthouses");
    }

    // ---- /agent ----

    @Test
    void agentBindNeedsAdminAndBindsTheChannelWithItsListenMode() {
        String refused = h.run(BOB, GENERAL, "agent", "bind", Map.of("name", "Club", "mode", "all"));
        assertThat(refused).contains(NEEDS_ADMIN);
        assertThat(h.services.bindings().find(Binding.channel(GENERAL))).isEmpty();

        String bound = h.run(ALICE, GENERAL, "agent", "bind", Map.of("name", "Club", "mode", "all"));

        assertThat(bound).contains("Club now answers in this channel to every message");
        Binding binding = h.services.bindings().find(Binding.channel(GENERAL)).orElseThrow();
        assertThat(binding.agentId()).isEqualTo(club.id());
        assertThat(binding.mode()).isEqualTo(ListenMode.ALL);
        h.run(ALICE, GENERAL, "agent", "unbind", Map.of());
        assertThat(h.services.bindings().find(Binding.channel(GENERAL))).isEmpty();
    }

    @Test
    void agentModelAcceptsConfiguredModelsOnlyAndOnlyFromAdmins() {
        String refused = h.run(BOB, GENERAL, "agent", "model", Map.of("model", "test/large"));
        String unknown = h.run(ALICE, GENERAL, "agent", "model", Map.of("model", "nope/nothing"));
        String changed = h.run(ALICE, GENERAL, "agent", "model", Map.of("model", "test/large"));

        assertThat(refused).contains(NEEDS_ADMIN);
        assertThat(unknown).contains("not a configured model");
        assertThat(changed).contains("now runs on test/large");
        assertThat(h.services.agents().get(club.id()).orElseThrow().model()).isEqualTo("test/large");
        h.services.agents().update(club.id(), a -> a.withModel("test/tiny", null));
    }

    @Test
    void companionsCanBeCreatedSwitchedAndListedInDms() {
        h.run(BOB, dm(BOB), "agent", "create", Map.of("name", "Sage"));
        assertThat(companion(BOB).name()).isEqualTo("Sage");

        String listed = h.run(BOB, dm(BOB), "agent", "list", Map.of());
        h.run(BOB, dm(BOB), "agent", "switch", Map.of("name", "Companion"));

        assertThat(listed).contains("Sage").contains("Companion");
        assertThat(companion(BOB).name()).isEqualTo("Companion");
    }

    @Test
    void agentDeleteAsksForConfirmationFirst() {
        h.run(CAROL, dm(CAROL), "agent", "create", Map.of("name", "Temp"));
        Agent temp = h.services
                .agents()
                .findByName(AgentScope.dm(CAROL.id()), "Temp")
                .orElseThrow();

        String asked = h.run(CAROL, dm(CAROL), "agent", "delete", Map.of("name", "Temp"));
        assertThat(asked).contains("agent-delete:" + temp.id()).contains("cannot be undone");
        assertThat(h.services.agents().get(temp.id())).isPresent();

        String id = h.discord.nextId();
        h.discord.dispatch(
                "INTERACTION_CREATE", h.discord.world.buttonClick(id, CAROL, dm(CAROL), "agent-delete:" + temp.id()));

        assertThat(h.answer(id)).contains("Deleted Temp");
        assertThat(h.services.agents().get(temp.id())).isEmpty();
    }

    // ---- /sleeptime ----

    @Test
    void sleeptimeSettingsChangeForAdminsAndAreRefusedToMembers() {
        String refused = h.run(BOB, GENERAL, "sleeptime", "on", Map.of());
        assertThat(refused).contains(NEEDS_ADMIN);

        h.run(ALICE, GENERAL, "sleeptime", "on", Map.of());
        String frequency = h.run(ALICE, GENERAL, "sleeptime", "frequency", Map.of("messages", 9));
        String status = h.run(BOB, GENERAL, "sleeptime", "status", Map.of());
        h.run(ALICE, GENERAL, "sleeptime", "run", Map.of());

        assertThat(frequency).contains("on, every 9 messages");
        assertThat(status).contains("last run: never");
        assertThat(h.sleeptimeRuns).contains(club.id() + "@" + GENERAL);
        Agent saved = h.services.agents().get(club.id()).orElseThrow();
        assertThat(saved.sleeptime().enabled()).isTrue();
        assertThat(saved.sleeptime().frequency()).isEqualTo(9);
        h.run(ALICE, GENERAL, "sleeptime", "off", Map.of());
        assertThat(h.services.agents().get(club.id()).orElseThrow().sleeptime().enabled())
                .isFalse();
    }

    // ---- /archival, /recall, /usage ----

    @Test
    void archivalAddSearchListAndDelete() {
        String added = h.run(ALICE, dm(ALICE), "archival", "add", Map.of("text", "The lighthouse was built in 1874."));
        String found = h.run(ALICE, dm(ALICE), "archival", "search", Map.of("query", "lighthouse"));
        String listed = h.run(ALICE, dm(ALICE), "archival", "list", Map.of());

        assertThat(added).contains("Archived as");
        assertThat(found).contains("built in 1874");
        assertThat(listed).contains("built in 1874");
        String passageId = added.replaceAll("(?s).*Archived as `([^`]+)`.*", "$1");
        String deleted = h.run(ALICE, dm(ALICE), "archival", "delete", Map.of("id", passageId));
        assertThat(deleted).contains("Deleted passage");
        assertThat(h.services.passages().get(companion(ALICE).id(), passageId)).isEmpty();
    }

    @Test
    void aCommandWaitingForItsFileDoesNotHoldUpConversations() {
        CountDownLatch upload = new CountDownLatch(1);
        String text = "The keeper lit the lamp every night.";
        String url = h.discord.heldFile("keeper.txt", text, upload);
        String id = h.discord.nextId();
        try {
            h.discord.dispatch(
                    "INTERACTION_CREATE",
                    h.discord.world.slashWithFile(
                            id,
                            CAROL,
                            dm(CAROL),
                            "archival",
                            "add",
                            "file",
                            "keeper.txt",
                            url,
                            text.length(),
                            Map.of()));
            h.callback(id, 5); // acknowledged ("thinking") while the file is still on its way
            h.model.reply("Still here while Carol's file uploads.");

            h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(h.discord.nextId(), ALICE, "are you there?"));

            h.awaitDm(ALICE, "Still here while Carol's file uploads.");
            assertThat(h.discord.requests("POST", "/webhooks/" + FakeWorld.BOT + "/token-" + id))
                    .isEmpty();
        } finally {
            upload.countDown();
        }
        assertThat(h.answer(id)).contains("Archived keeper.txt");
    }

    @Test
    void archivalAddTakesATextFileAndSplitsItIntoPassages() {
        String text = "Lighthouses guide ships.\n\n" + "The keeper lit the lamp every night. ".repeat(60);
        String url = h.discord.file("notes.txt", text);
        String id = h.discord.nextId();

        h.discord.dispatch(
                "INTERACTION_CREATE",
                h.discord.world.slashWithFile(
                        id, CAROL, dm(CAROL), "archival", "add", "file", "notes.txt", url, text.length(), Map.of()));

        assertThat(h.answer(id)).containsPattern("Archived notes.txt as \\d+ passage");
        assertThat(h.services.passages().count(companion(CAROL).id())).isGreaterThan(1);
        String found = h.run(CAROL, dm(CAROL), "archival", "search", Map.of("query", "guide ships"));
        assertThat(found).contains("Lighthouses guide ships.");
    }

    @Test
    void memoryEditWithAFileReplacesALongBlockWithCompareAndSet() {
        Agent companion = companion(BOB);
        String longText = "Bob's long story. ".repeat(250);
        String url = h.discord.file("human.txt", longText);
        String id = h.discord.nextId();

        h.discord.dispatch(
                "INTERACTION_CREATE",
                h.discord.world.slashWithFile(
                        id,
                        BOB,
                        dm(BOB),
                        "memory",
                        "edit",
                        "file",
                        "human.txt",
                        url,
                        longText.length(),
                        Map.of("label", "human")));

        assertThat(h.answer(id)).contains("Saved `human`");
        assertThat(h.services
                        .blocks()
                        .find(companion.id(), "human", null)
                        .orElseThrow()
                        .value())
                .isEqualTo(longText.strip());
    }

    @Test
    void memoryEditRefusesAnAttachmentThatIsNotATextFile() {
        Agent companion = companion(ALICE);
        String before = h.services
                .blocks()
                .find(companion.id(), "human", null)
                .orElseThrow()
                .value();
        String png = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR binary";
        String url = h.discord.file("holiday.png", png);
        String id = h.discord.nextId();

        h.discord.dispatch(
                "INTERACTION_CREATE",
                h.discord.world.slashWithFile(
                        id,
                        ALICE,
                        dm(ALICE),
                        "memory",
                        "edit",
                        "file",
                        "holiday.png",
                        url,
                        png.length(),
                        Map.of("label", "human")));

        assertThat(h.answer(id)).contains("Attach a .txt or .md file");
        assertThat(h.services
                        .blocks()
                        .find(companion.id(), "human", null)
                        .orElseThrow()
                        .value())
                .isEqualTo(before);
    }

    @Test
    void archivalAddInAServerNeedsAdminRights() {
        long before = h.services.passages().count(club.id());

        String refused = h.run(BOB, GENERAL, "archival", "add", Map.of("text", "spam"));

        assertThat(refused).contains(NEEDS_ADMIN);
        assertThat(h.services.passages().count(club.id())).isEqualTo(before);
    }

    @Test
    void recallSearchFindsTheAgentsOwnMessagesAndNeverADmAgentsInAServer() {
        Agent companion = companion(ALICE);
        h.services
                .recall()
                .append(NewMessage.text(
                        companion.id(),
                        Role.USER,
                        "my private diary entry",
                        new Speaker(ALICE.id(), "alice"),
                        dm(ALICE),
                        Instant.now()));

        String inDm = h.run(ALICE, dm(ALICE), "recall", "search", Map.of("query", "diary"));
        String inServer = h.run(ALICE, GENERAL, "recall", "search", Map.of("query", "diary"));

        assertThat(inDm).contains("my private diary entry");
        assertThat(inServer).doesNotContain("my private diary entry").contains("Nothing said so far");
    }

    @Test
    void recallSearchInAServerShowsOnlyWhatWasSaidInChannelsTheCallerCanSee() {
        say(club, ALICE, GENERAL, "quokka sightings in general are welcome");
        say(club, ALICE, STAFF, "staff note: ban the user quokka tomorrow");
        say(club, ALICE, "2999", "quokka talk in a channel deleted since");

        String bobs = h.run(BOB, GENERAL, "recall", "search", Map.of("query", "quokka"));
        String alices = h.run(ALICE, GENERAL, "recall", "search", Map.of("query", "quokka"));

        assertThat(bobs)
                .contains("quokka sightings in general")
                .doesNotContain("ban the user quokka")
                .doesNotContain("deleted since");
        assertThat(alices)
                .contains("quokka sightings in general")
                .contains("ban the user quokka")
                .doesNotContain("deleted since");
    }

    @Test
    void archivalInAServerShowsOnlyPassagesFromChannelsTheCallerCanSee() {
        h.services.archival().insert(club.id(), "quokka sightings are welcome", List.of(), "agent", GENERAL);
        h.services.archival().insert(club.id(), "staff note: ban the quokka spammer", List.of(), "agent", STAFF);
        h.services.archival().insert(club.id(), "quokka facts from an imported file", List.of(), "file:facts.md");

        String bobsSearch = h.run(BOB, GENERAL, "archival", "search", Map.of("query", "quokka"));
        String bobsList = h.run(BOB, GENERAL, "archival", "list", Map.of());
        String alicesSearch = h.run(ALICE, GENERAL, "archival", "search", Map.of("query", "quokka"));

        assertThat(bobsSearch)
                .contains("quokka sightings")
                .contains("imported file")
                .doesNotContain("ban the quokka");
        assertThat(bobsList)
                .contains("quokka sightings")
                .doesNotContain("ban the quokka")
                .contains("1 passage(s) on this page come from channels you can't read");
        assertThat(alicesSearch).contains("quokka sightings").contains("ban the quokka");
    }

    @Test
    void usageReportsTheAgentAndTheCallersTokensToday() {
        String usage = h.run(BOB, GENERAL, "usage", null, Map.of());

        assertThat(usage).contains("usage report for " + club.id()).contains("Your tokens today: 0");
    }

    // ---- helpers ----

    private static String dm(FakeWorld.Person p) {
        return p.dmChannel();
    }

    private void say(Agent agent, FakeWorld.Person who, String channel, String text) {
        h.services
                .recall()
                .append(NewMessage.text(
                        agent.id(), Role.USER, text, new Speaker(who.id(), who.name()), channel, Instant.now()));
    }

    private Agent companion(FakeWorld.Person p) {
        return h.services
                .agents()
                .get(h.services
                        .bindings()
                        .find(Binding.dm(p.id()))
                        .map(Binding::agentId)
                        .orElseGet(() -> h.directory
                                .findOrCreate("Companion", AgentScope.dm(p.id()), p.id(), "test/tiny")
                                .id()))
                .orElseThrow();
    }
}
