package dev.kindred.discord;

import static dev.kindred.discord.FakeWorld.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Binding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The per-user message rate limit, end to end: a polite notice, and no turn for the extra message. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
    private BotHarness h;

    @BeforeAll
    void start() throws Exception {
        h = new BotHarness(1, 0);
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @Test
    void aSecondMessageWithinTheMinuteGetsANoticeInsteadOfATurn() {
        h.model.reply("First answer.");
        String first = h.discord.nextId();
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(first, BOB, "one"));
        h.discord.await(
                "POST",
                "/channels/" + BOB.dmChannel() + "/messages",
                r -> r.content().equals("First answer."));

        String second = h.discord.nextId();
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(second, BOB, "two"));

        h.discord.await(
                "POST",
                "/channels/" + BOB.dmChannel() + "/messages",
                r -> r.content().contains("faster than I can keep up"));
        String agentId =
                h.services.bindings().find(Binding.dm(BOB.id())).orElseThrow().agentId();
        assertThat(h.services.messages().bySource(agentId, first)).isPresent();
        assertThat(h.services.messages().bySource(agentId, second)).isEmpty();
        assertThat(h.model.requests).hasSize(1);
    }
}
