package dev.kindred.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.model.Usage;
import dev.kindred.model.UsageRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuildRetentionTest {
    private static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");

    @TempDir
    Path dir;

    private PrivacyWorld world;

    @BeforeEach
    void open() {
        world = PrivacyWorld.open(dir, ErasureHook.NONE);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void theSweepErasesServersLeftLongerAgoThanTheGracePeriodOnly() {
        Agent old = populated("g-old");
        Agent young = populated("g-young");
        Agent back = populated("g-back");
        world.privacy.guildLeft("g-old", NOW.minus(Duration.ofDays(31)));
        world.privacy.guildLeft("g-young", NOW.minus(Duration.ofDays(10)));
        world.privacy.guildLeft("g-back", NOW.minus(Duration.ofDays(40)));
        world.privacy.guildJoined("g-back");

        ErasureCounts counts = world.privacy.sweep(NOW);

        assertThat(counts.agents()).isEqualTo(1);
        assertThat(counts.passages()).isEqualTo(1);
        assertErased(old, "g-old");
        assertKept(young);
        assertKept(back);
        assertThat(world.privacy.sweep(NOW)).isEqualTo(ErasureCounts.NONE);
        assertThat(world.privacy.sweep(NOW.plus(Duration.ofDays(21))).agents()).isEqualTo(1);
        assertErased(young, "g-young");
        assertKept(back);
    }

    @Test
    void aServerThatRemovedTheBotWhileItWasOfflineIsErasedAfterTheGracePeriod() {
        Agent gone = populated("g-gone");
        Agent here = populated("g-here");
        Agent unavailable = populated("g-unavailable");

        world.privacy.guildsPresentAtStart(Set.of("g-here", "g-unavailable"), NOW);

        assertThat(world.privacy.sweep(NOW.plus(Duration.ofDays(29))).agents()).isZero();
        assertThat(world.privacy.sweep(NOW.plus(Duration.ofDays(31))).agents()).isEqualTo(1);
        assertErased(gone, "g-gone");
        assertKept(here);
        assertKept(unavailable);
    }

    @Test
    void purgeGuildErasesAtOnceAndLeavingAgainKeepsTheFirstDepartureTime() {
        Agent agent = populated("g-now");
        world.privacy.guildLeft("g-now", NOW.minus(Duration.ofDays(29)));
        world.privacy.guildLeft("g-now", NOW);
        assertThat(world.stores.departures().leftBefore(NOW)).containsExactly("g-now");

        world.privacy.purgeGuild("g-now");

        assertErased(agent, "g-now");
        assertThat(world.stores.departures().leftBefore(NOW.plus(Duration.ofDays(365))))
                .isEmpty();
    }

    private Agent populated(String guildId) {
        Agent agent = world.guildAgent(guildId, "Guide");
        world.fixture
                .services
                .bindings()
                .bind(new Binding(Binding.channel("chan-" + guildId), agent.id(), ListenMode.ALL, guildId));
        world.fixture
                .services
                .bindings()
                .bind(new Binding(Binding.guild(guildId), agent.id(), ListenMode.MENTION, guildId));
        world.fixture
                .services
                .recall()
                .append(NewMessage.text(
                        agent.id(), Role.USER, "hello from " + guildId, PrivacyWorld.BOB, "chan-" + guildId, NOW));
        world.setMemberBlock(agent, PrivacyWorld.BOB.id(), "Bob of " + guildId);
        world.fixture.services.archival().insert(agent.id(), "rules of " + guildId, List.of("rules"), "agent");
        world.stores
                .usage()
                .record(new UsageRecord(agent.id(), "test/tiny", LocalDate.of(2026, 5, 1), new Usage(1, 0, 0, 1), 0));
        return agent;
    }

    private void assertErased(Agent agent, String guildId) {
        assertThat(world.fixture.services.agents().list(AgentScope.guild(guildId)))
                .isEmpty();
        assertThat(world.fixture.services.bindings().forGuild(guildId)).isEmpty();
        assertThat(world.everyDocument())
                .allSatisfy(doc ->
                        assertThat(doc).doesNotContain(agent.id(), "hello from " + guildId, "Bob of " + guildId));
    }

    private void assertKept(Agent agent) {
        assertThat(world.fixture.services.agents().get(agent.id())).isPresent();
        assertThat(world.fixture.services.messages().count(agent.id())).isEqualTo(1);
        assertThat(world.fixture.services.passages().count(agent.id())).isEqualTo(1);
        assertThat(world.fixture.services.blocks().allBlocks(agent.id())).hasSize(2);
        assertThat(world.stores.usage().history(agent.id())).hasSize(1);
    }
}
