package dev.kindred.discord;

import static dev.kindred.discord.FakeWorld.ALICE;
import static dev.kindred.discord.FakeWorld.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bot being removed from a server starts the grace period; being in it at start-up calls it off. */
class GuildMembershipTest {
    private BotHarness h;

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void removalFromAServerIsRecordedSoTheSweepErasesItAfterTheGracePeriod() throws Exception {
        h = new BotHarness(1_000, 0);
        Agent club = h.directory.create("Club", AgentScope.guild(GUILD), ALICE.id(), "test/tiny");
        Instant afterGrace = Instant.now().plus(Duration.ofDays(31));
        assertThat(h.privacy.sweep(afterGrace).agents())
                .as("the bot is still in the server")
                .isZero();

        h.discord.dispatch("GUILD_DELETE", Map.of("id", GUILD));

        long erased = 0;
        for (int i = 0; i < 100 && erased == 0; i++) {
            Thread.sleep(50);
            erased = h.privacy.sweep(afterGrace).agents();
        }
        assertThat(erased).isEqualTo(1);
        assertThat(h.services.agents().get(club.id())).isEmpty();
    }
}
