package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.Speaker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerAgentTest {
    private static final Speaker MARTA = new Speaker("100", "Marta");
    private static final Speaker BOB = new Speaker("200", "Bob");

    @TempDir
    Path dir;

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void eachMembersHumanBlockIsTheirOwnAndBothAreInTheContext() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = fixture.directory.create("Guide", AgentScope.guild("g1"), "g1", "test/tiny");
        fixture.services
                .agents()
                .update(agent.id(), a -> a.withSleeptime(a.sleeptime().withEnabled(false)));
        fixture.model
                .toolCall(
                        "memory_replace",
                        "{\"label\":\"human\",\"old_string\":\"Nothing is known about this person yet.\",\"new_string\":\"Marta paints watercolours.\"}")
                .reply("Lovely, Marta.")
                .toolCall(
                        "memory_replace",
                        "{\"label\":\"human\",\"old_string\":\"Nothing is known about this person yet.\",\"new_string\":\"Bob climbs.\"}")
                .reply("Nice, Bob.");

        submit(agent, MARTA, "I paint watercolours");
        submit(agent, BOB, "I climb on weekends");

        List<Block> members = fixture.services.blocks().memberBlocks(agent.id(), List.of("100", "200"));
        assertThat(members)
                .extracting(Block::memberId, Block::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("100", "Marta paints watercolours."),
                        org.assertj.core.groups.Tuple.tuple("200", "Bob climbs."));
        String memory = fixture.model.lastRequest().system().get(1).text();
        assertThat(memory)
                .contains("member=\"Marta\"")
                .contains("member=\"Bob\"")
                .contains("Bob climbs.");
        assertThat(AgentRuntimeTest.userTexts(fixture.model.lastRequest()))
                .anySatisfy(t -> assertThat(t).contains("Bob (id 200): I climb on weekends"));
    }

    private void submit(Agent agent, Speaker speaker, String text) {
        TurnResult result = fixture.runtime
                .submit(new Inbound(agent.id(), "chan-1", speaker, text, null, Instant.now()))
                .join();
        assertThat(result.status()).isEqualTo(TurnResult.Status.REPLIED);
    }
}
