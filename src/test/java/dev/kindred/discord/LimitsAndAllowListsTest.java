package dev.kindred.discord;

import static dev.kindred.discord.FakeWorld.ALICE;
import static dev.kindred.discord.FakeWorld.BOB;
import static dev.kindred.discord.FakeWorld.GENERAL;
import static dev.kindred.discord.FakeWorld.GUILD;
import static dev.kindred.discord.FakeWorld.LOUNGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The daily token budget, the allowed-users and allowed-guilds lists, and /sleeptime model, end to
 * end. Each test starts its own bot because the limits and lists are fixed at start.
 */
class LimitsAndAllowListsTest {
    private static final String NEEDS_ADMIN = "You need the Manage Server permission or the 'Keepers' role";

    @Test
    void aUserOverTheDailyBudgetGetsANoticeAndNoModelCall() throws Exception {
        // one scripted turn costs ScriptedChat.USAGE = 120 tokens, more than the budget of 50
        try (BotHarness h = new BotHarness(1_000, 50)) {
            h.model.reply("First answer.");
            String first = h.discord.nextId();
            h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(first, BOB, "one"));
            h.awaitDm(BOB, "First answer.");

            String second = h.discord.nextId();
            h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(second, BOB, "two"));

            h.discord.await(
                    "POST",
                    "/channels/" + BOB.dmChannel() + "/messages",
                    r -> r.content().contains("reached today's conversation budget"));
            String agentId = h.services
                    .bindings()
                    .find(Binding.dm(BOB.id()))
                    .orElseThrow()
                    .agentId();
            assertThat(h.services.messages().bySource(agentId, first)).isPresent();
            assertThat(h.services.messages().bySource(agentId, second)).isEmpty();
            assertThat(h.model.requests).hasSize(1);
        }
    }

    @Test
    void withAllowedUsersSetADmFromAnyoneElseIsIgnored() throws Exception {
        try (BotHarness h = new BotHarness(1_000, 0, List.of(), List.of(ALICE.id()))) {
            String ignored = h.discord.nextId();
            h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(ignored, BOB, "hello?"));
            awaitMarker(h);

            assertThat(h.services.bindings().find(Binding.dm(BOB.id()))).isEmpty();
            assertThat(h.discord.requests("POST", "/channels/" + BOB.dmChannel() + "/messages"))
                    .isEmpty();
            assertThat(h.model.requests).hasSize(1);
        }
    }

    @Test
    void withAllowedGuildsSetToAnotherGuildAMentionHereIsIgnored() throws Exception {
        try (BotHarness h = new BotHarness(1_000, 0, List.of("7777"), List.of())) {
            Agent club = h.directory.create("Club", AgentScope.guild(GUILD), ALICE.id(), "test/tiny");
            h.services.bindings().bind(new Binding(Binding.guild(GUILD), club.id(), ListenMode.MENTION, GUILD));
            String mention = h.discord.nextId();
            h.discord.dispatch("MESSAGE_CREATE", h.discord.world.inGuild(mention, LOUNGE, BOB, "hi there", true));
            awaitMarker(h);

            assertThat(h.services.messages().bySource(club.id(), mention)).isEmpty();
            assertThat(h.discord.requests("POST", "/channels/" + LOUNGE + "/messages"))
                    .isEmpty();
            assertThat(h.model.requests).hasSize(1);
        }
    }

    @Test
    void sleeptimeModelSetsTheModelAndIsRefusedToANonAdminInAServer() throws Exception {
        try (BotHarness h = new BotHarness(1_000, 0)) {
            Agent club = h.directory.create("Club", AgentScope.guild(GUILD), ALICE.id(), "test/tiny");
            h.services.bindings().bind(new Binding(Binding.guild(GUILD), club.id(), ListenMode.MENTION, GUILD));

            String refused = run(h, BOB, GENERAL, "sleeptime", "model", Map.of("model", "test/large"));
            assertThat(refused).contains(NEEDS_ADMIN);
            assertThat(h.services
                            .agents()
                            .get(club.id())
                            .orElseThrow()
                            .sleeptime()
                            .model())
                    .isNotEqualTo("test/large");

            String set = run(h, ALICE, GENERAL, "sleeptime", "model", Map.of("model", "test/large"));

            assertThat(set).contains("Sleeptime: ");
            assertThat(h.services
                            .agents()
                            .get(club.id())
                            .orElseThrow()
                            .sleeptime()
                            .model())
                    .isEqualTo("test/large");
        }
    }

    // ---- helpers ----

    /** A DM answered after an ignored message proves the ignored one was handled (JDA keeps order). */
    private static void awaitMarker(BotHarness h) {
        h.model.reply("marker");
        String marker = h.discord.nextId();
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(marker, ALICE, "ping"));
        h.awaitDm(ALICE, "marker");
    }

    private static String run(
            BotHarness h, FakeWorld.Person who, String channel, String command, String sub, Map<String, Object> opts) {
        String id = h.discord.nextId();
        h.discord.dispatch(
                "INTERACTION_CREATE", h.discord.world.slash(id, who, channel, command, sub, new LinkedHashMap<>(opts)));
        return h.discord
                .await(
                        "POST",
                        "",
                        r -> r.path().contains("/webhooks/" + FakeWorld.BOT + "/token-" + id)
                                || (r.path().contains("/interactions/" + id + "/")
                                        && r.json().path("type").asInt() == 4))
                .body();
    }
}
