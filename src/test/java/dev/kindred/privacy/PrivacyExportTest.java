package dev.kindred.privacy;

import static dev.kindred.privacy.PrivacyWorld.BOB;
import static dev.kindred.privacy.PrivacyWorld.BOB_WORDS;
import static dev.kindred.privacy.PrivacyWorld.MARTA;
import static dev.kindred.privacy.PrivacyWorld.MARTA_WORDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyExportTest {
    @TempDir
    Path dir;

    private PrivacyWorld world;

    @BeforeEach
    void seed() {
        world = PrivacyWorld.seeded(dir, ErasureHook.NONE);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void exportHoldsEverythingAboutThePersonAndNothingAboutAnybodyElse() throws IOException {
        byte[] bytes = world.privacy.export(MARTA.id());
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).contains(MARTA_WORDS).contains(world.martaDm.id());
        assertThat(text).doesNotContain(BOB_WORDS).doesNotContain(BOB.id(), world.bobDm.id(), "Bob", "embedding");

        JsonNode json = new ObjectMapper().readTree(bytes);
        JsonNode dm = json.get("dmAgents").get(0);
        assertThat(dm.get("agent").get("id").asText()).isEqualTo(world.martaDm.id());
        assertThat(dm.get("blocks").findValuesAsText("label")).contains("persona", "human");
        assertThat(dm.get("blocks").toString()).contains("Nothing is known about this person yet.", "Loves marmalade");
        assertThat(dm.get("messages").findValuesAsText("content")).contains("My secret word is zephyrine", "Noted.");
        assertThat(dm.get("passages").get(0).get("tags").get(0).asText()).isEqualTo("gems");
        assertThat(dm.get("usage").get(0).get("model").asText()).isEqualTo("test/tiny");
        JsonNode member = json.get("memberBlocks");
        assertThat(member).hasSize(1);
        assertThat(member.get(0).get("block").get("block").get("value").asText())
                .isEqualTo("Marta is a watercolourist.");
        assertThat(member.get(0).get("block").get("history")).hasSize(2);
        JsonNode shared = json.get("sharedAgents");
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).get("agentId").asText()).isEqualTo(world.guide.id());
        assertThat(shared.get(0).get("messages").findValuesAsText("content"))
                .containsExactly("Anyone going to quokkafest?");
    }

    @Test
    void showCountsWhatIsKeptWithoutShowingIt() {
        PrivacyOverview overview = world.privacy.show(MARTA.id());

        assertThat(overview.dmAgents()).singleElement().satisfies(agent -> {
            assertThat(agent.name()).isEqualTo("Companion");
            assertThat(agent.messages()).isEqualTo(2);
            assertThat(agent.passages()).isEqualTo(1);
            assertThat(agent.blocks())
                    .extracting(PrivacyOverview.BlockSize::label)
                    .containsExactlyInAnyOrder("persona", "human");
        });
        assertThat(overview.memberBlocks()).singleElement().satisfies(block -> {
            assertThat(block.agentName()).isEqualTo("Guide");
            assertThat(block.block().chars()).isEqualTo("Marta is a watercolourist.".length());
        });
        assertThat(overview.sharedAgents())
                .containsExactly(new PrivacyOverview.SharedAgent("Guide", PrivacyWorld.GUILD, 1));
        assertThat(overview.render())
                .contains("DM agent Companion: 2 messages", "Guide", "keeps 1 of your messages")
                .doesNotContain(MARTA_WORDS);
    }

    @Test
    void aStrangerHasNothing() {
        assertThat(world.privacy.show("333333333333333333").render()).isEqualTo("Kindred keeps nothing about you.");
    }
}
