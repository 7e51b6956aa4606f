package dev.kindred.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.Passage;
import dev.kindred.memory.Speaker;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ContentPart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        Agent agent = guideWithoutSleeptime();
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

    @Test
    void inATurnAnsweringTwoMembersAnEditNamingOneOfThemLandsInTheirOwnBlock() {
        ManualScheduler scheduler = new ManualScheduler();
        fixture = RuntimeFixture.builder(dir)
                .scheduler(scheduler)
                .debounce(Duration.ofMillis(1500))
                .build();
        Agent agent = guideWithoutSleeptime();
        fixture.model
                .toolCall(
                        "memory_insert",
                        "{\"label\":\"human\",\"new_string\":\"Marta is vegetarian.\",\"member\":\"100\"}")
                .toolCall("memory_insert", "{\"label\":\"human\",\"new_string\":\"Zoe is here.\",\"member\":\"300\"}")
                .reply("Noted, Marta!");

        CompletableFuture<TurnResult> fromMarta = fixture.runtime.submit(
                new Inbound(agent.id(), "chan-1", MARTA, "I'm vegetarian, by the way", null, Instant.now()));
        CompletableFuture<TurnResult> fromBob =
                fixture.runtime.submit(new Inbound(agent.id(), "chan-1", BOB, "cool", null, Instant.now()));
        scheduler.fire();

        assertThat(fromMarta.join().reply()).isEqualTo("Noted, Marta!");
        assertThat(fromBob.join().reply()).isEqualTo("Noted, Marta!");
        assertThat(fixture.services.blocks().memberBlocks(agent.id(), List.of("100", "200")))
                .extracting(Block::memberId, Block::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "100", "Nothing is known about this person yet.\nMarta is vegetarian."),
                        org.assertj.core.groups.Tuple.tuple("200", "Nothing is known about this person yet."));
        ChatRequest last = fixture.model.lastRequest();
        assertThat(last.messages().get(last.messages().size() - 1).parts())
                .anySatisfy(p -> assertThat(((ContentPart.ToolResult) p).content())
                        .contains("member 300 did not write any of the messages you are answering"));
    }

    /** A server agent that edits its blocks itself. */
    /** So that /archival in the server can leave it out for members who cannot read that channel. */
    @Test
    void aPassageTheAgentArchivesInAServerRemembersItsChannel() {
        fixture = RuntimeFixture.builder(dir).build();
        Agent agent = guideWithoutSleeptime();
        fixture.model
                .toolCall("archival_memory_insert", "{\"content\":\"Marta runs the spring fair.\"}")
                .reply("Noted.");

        submit(agent, MARTA, "I run the spring fair");

        assertThat(fixture.services.passages().list(agent.id(), 0, 10))
                .extracting(Passage::text, Passage::channelId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Marta runs the spring fair.", "chan-1"));
    }

    private Agent guideWithoutSleeptime() {
        Agent agent = fixture.directory.create("Guide", AgentScope.guild("g1"), "g1", "test/tiny");
        return fixture.services
                .agents()
                .update(agent.id(), a -> a.withSleeptime(a.sleeptime().withEnabled(false)));
    }

    private void submit(Agent agent, Speaker speaker, String text) {
        TurnResult result = fixture.runtime
                .submit(new Inbound(agent.id(), "chan-1", speaker, text, null, Instant.now()))
                .join();
        assertThat(result.status()).isEqualTo(TurnResult.Status.REPLIED);
    }
}
