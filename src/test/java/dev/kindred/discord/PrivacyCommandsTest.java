package dev.kindred.discord;

import static dev.kindred.discord.FakeWorld.ALICE;
import static dev.kindred.discord.FakeWorld.BOB;
import static dev.kindred.discord.FakeWorld.GENERAL;
import static dev.kindred.discord.FakeWorld.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /privacy show|export|forget} through real JDA against the fake Discord. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyCommandsTest {
    private static final Speaker BOB_SPEAKS = new Speaker(BOB.id(), BOB.name());

    private BotHarness h;
    private Agent club;
    private Agent bobsCompanion;

    @BeforeAll
    void start() throws Exception {
        h = new BotHarness(1_000, 0);
        club = h.directory.create("Club", AgentScope.guild(GUILD), ALICE.id(), "test/tiny");
        h.services.bindings().bind(new Binding(Binding.guild(GUILD), club.id(), ListenMode.MENTION, GUILD));
        h.services
                .recall()
                .append(NewMessage.text(club.id(), Role.USER, "I like hazelnut", BOB_SPEAKS, GENERAL, Instant.now()));
        h.services
                .recall()
                .append(NewMessage.text(
                        club.id(),
                        Role.USER,
                        "alice's gardenia",
                        new Speaker(ALICE.id(), "alice"),
                        GENERAL,
                        Instant.now()));
        h.services
                .blocks()
                .create(
                        new NewBlock(club.id(), "human", "Bob likes hazelnut", 500, "", false, BOB.id()),
                        Authors.AGENT);
        bobsCompanion = h.directory.create("Companion", AgentScope.dm(BOB.id()), BOB.id(), "test/tiny");
        h.services
                .recall()
                .append(NewMessage.text(
                        bobsCompanion.id(),
                        Role.USER,
                        "my secret is plumcake",
                        BOB_SPEAKS,
                        BOB.dmChannel(),
                        Instant.now()));
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @Test
    void showCountsWhatIsKeptOnlyToTheCaller() {
        String answer = h.answer(send(BOB, GENERAL, "show"));

        assertThat(answer)
                .contains("DM agent Companion: 1 messages", "keeps 1 of your messages", "\"flags\":64")
                .doesNotContain("plumcake", "hazelnut");
    }

    @Test
    void exportFromAServerIsSentByDmAsAJsonFileWithOnlyTheCallersData() {
        String answer = h.answer(send(BOB, GENERAL, "export"));

        assertThat(answer).contains("sent your export to your DMs");
        FakeDiscord.Request dm = h.discord.await(
                "POST",
                "/channels/" + BOB.dmChannel() + "/messages",
                r -> r.body().contains("kindred-" + BOB.id()));
        assertThat(dm.body())
                .contains("kindred-" + BOB.id() + ".json", "plumcake", "I like hazelnut", "Bob likes hazelnut")
                .doesNotContain("gardenia", ALICE.id());
        assertThat(h.discord.requests("POST", "/channels/" + GENERAL + "/messages"))
                .noneMatch(r -> r.body().contains("plumcake"));
    }

    @Test
    void forgetAsksFirstAndOnlyTheCallersClickErases() {
        String asked = h.answer(send(BOB, BOB.dmChannel(), "forget"));
        assertThat(asked).contains("privacy-forget:" + BOB.id()).contains("cannot be undone");
        assertThat(h.services.agents().get(bobsCompanion.id())).isPresent();

        String id = h.discord.nextId();
        h.discord.dispatch(
                "INTERACTION_CREATE",
                h.discord.world.buttonClick(id, BOB, BOB.dmChannel(), "privacy-forget:" + BOB.id()));

        assertThat(h.answer(id)).contains("Done");
        assertThat(h.services.agents().get(bobsCompanion.id())).isEmpty();
        assertThat(h.services.blocks().blocksOfMember(BOB.id())).isEmpty();
        assertThat(h.services.messages().bySpeaker(club.id(), BOB.id())).isEmpty();
        assertThat(h.services.messages().bySpeaker(club.id(), ALICE.id())).hasSize(1);
    }

    private String send(FakeWorld.Person who, String channel, String sub) {
        String id = h.discord.nextId();
        h.discord.dispatch(
                "INTERACTION_CREATE", h.discord.world.slash(id, who, channel, "privacy", sub, new LinkedHashMap<>()));
        return id;
    }
}
