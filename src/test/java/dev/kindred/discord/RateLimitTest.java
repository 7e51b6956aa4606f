package dev.kindred.discord;

import static dev.kindred.discord.FakeWorld.ALICE;
import static dev.kindred.discord.FakeWorld.BOB;
import static dev.kindred.discord.FakeWorld.CAROL;
import static dev.kindred.discord.FakeWorld.GUILD;
import static dev.kindred.discord.FakeWorld.LOUNGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The per-user message rate limit (one a minute here), end to end: a polite notice, sent privately and
 * once per minute however many messages are refused, and no turn for the extra messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
    private static final String NOTICE = "faster than I can keep up";

    private BotHarness h;
    private Agent lounge;

    @BeforeAll
    void start() throws Exception {
        h = new BotHarness(1, 0);
        lounge = h.directory.create("Lounge", AgentScope.guild(GUILD), ALICE.id(), "test/tiny");
        h.services.bindings().bind(new Binding(Binding.channel(LOUNGE), lounge.id(), ListenMode.ALL, GUILD));
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @Test
    void aFloodWithinTheMinuteInADmGetsOneNoticeInsteadOfTurns() {
        int calls = h.model.requests.size();
        h.model.reply("First answer.");
        String first = h.discord.nextId();
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(first, BOB, "one"));
        h.awaitDm(BOB, "First answer.");

        String second = h.discord.nextId();
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(second, BOB, "two"));
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(h.discord.nextId(), BOB, "three"));
        h.discord.await(
                "POST",
                "/channels/" + BOB.dmChannel() + "/messages",
                r -> r.content().contains(NOTICE));
        awaitHandled(BOB, BOB.dmChannel());

        assertThat(noticesIn(BOB.dmChannel())).isEqualTo(1);
        String agentId =
                h.services.bindings().find(Binding.dm(BOB.id())).orElseThrow().agentId();
        assertThat(h.services.messages().bySource(agentId, first)).isPresent();
        assertThat(h.services.messages().bySource(agentId, second)).isEmpty();
        assertThat(h.model.requests).hasSize(calls + 1);
    }

    @Test
    void aFloodInAServerIsNoticedOnceByDmAndNeverInTheChannel() {
        talkOnceIn(LOUNGE, ALICE);

        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.inGuild(h.discord.nextId(), LOUNGE, ALICE, "two", false));
        h.discord.dispatch(
                "MESSAGE_CREATE", h.discord.world.inGuild(h.discord.nextId(), LOUNGE, ALICE, "three", false));
        h.discord.await(
                "POST",
                "/channels/" + ALICE.dmChannel() + "/messages",
                r -> r.content().contains(NOTICE));
        awaitHandled(ALICE, LOUNGE);

        assertThat(noticesIn(ALICE.dmChannel())).isEqualTo(1);
        assertThat(noticesIn(LOUNGE)).isZero();
    }

    @Test
    void aMemberWhoseDmsAreClosedGetsNoNoticeAtAllRatherThanAPublicOne() {
        h.discord.closeDms(CAROL.dmChannel());
        talkOnceIn(LOUNGE, CAROL);

        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.inGuild(h.discord.nextId(), LOUNGE, CAROL, "two", false));
        h.discord.await("POST", "/channels/" + CAROL.dmChannel() + "/messages", r -> true);
        awaitHandled(CAROL, LOUNGE);

        assertThat(noticesIn(LOUNGE)).isZero();
    }

    // ---- helpers ----

    /** One message the agent answers, which uses up the member's one message a minute. */
    private void talkOnceIn(String channel, FakeWorld.Person who) {
        String answer = "Hello, " + who.name() + ".";
        h.model.reply(answer);
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.inGuild(h.discord.nextId(), channel, who, "one", false));
        h.discord.await(
                "POST", "/channels/" + channel + "/messages", r -> r.content().equals(answer));
    }

    /** A slash command answered after the messages proves they were handled (JDA keeps event order). */
    private void awaitHandled(FakeWorld.Person who, String channel) {
        h.run(who, channel, "usage", null, Map.of());
    }

    private long noticesIn(String channel) {
        return h.discord.requests("POST", "/channels/" + channel + "/messages").stream()
                .filter(r -> r.content().contains(NOTICE))
                .count();
    }
}
