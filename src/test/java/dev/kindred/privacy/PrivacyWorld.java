package dev.kindred.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.agent.Inbound;
import dev.kindred.agent.RuntimeFixture;
import dev.kindred.agent.ScriptedModel;
import dev.kindred.agent.TurnResult;
import dev.kindred.config.PrivacyConfig;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Binding;
import dev.kindred.memory.Block;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.model.Usage;
import dev.kindred.model.UsageRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Two people on the real runtime and embedded store: Marta and Bob each have a DM agent, and both
 * speak to the shared agent "Guide" of server g1, which keeps a member block for each. Every piece of
 * their data carries a word nobody else uses, so a test can look for it anywhere.
 */
final class PrivacyWorld implements AutoCloseable {
    static final Speaker MARTA = new Speaker("111111111111111111", "Marta");
    static final Speaker BOB = new Speaker("222222222222222222", "Bob");
    static final String GUILD = "900000000000000009";
    static final String CHANNEL = "800000000000000008";
    /** Marta's words: in her DM messages, DM block, archival, guild messages, member block. */
    static final List<String> MARTA_WORDS =
            List.of("zephyrine", "marmalade", "tanzanite", "quokkafest", "watercolourist");
    /** Bob's words, in the same places. */
    static final List<String> BOB_WORDS = List.of("brontide", "pistachio", "obsidian", "xylocarp", "boulderer");

    final RuntimeFixture fixture;
    final PrivacyStores stores;
    final PrivacyService privacy;
    Agent guide;
    Agent martaDm;
    Agent bobDm;

    private PrivacyWorld(Path dir, ErasureHook hook) {
        this.fixture = RuntimeFixture.builder(dir).build();
        this.stores = fixture.storage.privacyStores();
        PrivacySettings settings =
                new PrivacySettings(Clock.systemUTC(), new PrivacyConfig(Duration.ofDays(30)).guildGracePeriod(), hook);
        this.privacy = new PrivacyService(fixture.services, fixture.runtime.snapshots(), stores, settings);
        fixture.model.otherwise(request -> ScriptedModel.response("Noted.", List.of(), request));
    }

    static PrivacyWorld open(Path dir, ErasureHook hook) {
        return new PrivacyWorld(dir, hook);
    }

    /** Opens the world and writes both people's data. */
    static PrivacyWorld seeded(Path dir, ErasureHook hook) {
        PrivacyWorld world = open(dir, hook);
        world.seed();
        return world;
    }

    void seed() {
        guide = guildAgent(GUILD, "Guide");
        fixture.services.bindings().bind(new Binding(Binding.channel(CHANNEL), guide.id(), ListenMode.ALL, GUILD));
        say(guide, BOB, "I found a xylocarp on the trail");
        appendSummary(guide, "Bob talked about a xylocarp.");
        martaDm = dmAgent(MARTA, List.of("zephyrine", "marmalade", "tanzanite"));
        bobDm = dmAgent(BOB, List.of("brontide", "pistachio", "obsidian"));
        say(guide, MARTA, "Anyone going to quokkafest?");
        setMemberBlock(guide, MARTA.id(), "Marta is a watercolourist.");
        setMemberBlock(guide, BOB.id(), "Bob is a boulderer.");
        appendSummary(guide, "Marta asked about quokkafest; Bob found a xylocarp.");
        fixture.services
                .agents()
                .update(
                        guide.id(),
                        a -> a.withWindow(new ContextWindow(a.window().startSeq(), "Marta: quokkafest")));
        sleeptimeRun(guide, 1, 2, "Bob found a xylocarp");
        sleeptimeRun(guide, 3, 6, "Marta: quokkafest");
    }

    /** Knows the agents another world (on the same files, before a restart) seeded. */
    void adopt(PrivacyWorld before) {
        guide = before.guide;
        martaDm = before.martaDm;
        bobDm = before.bobDm;
    }

    Agent guildAgent(String guildId, String name) {
        Agent agent = fixture.directory.create(name, AgentScope.guild(guildId), guildId, "test/tiny");
        return fixture.services
                .agents()
                .update(agent.id(), a -> a.withSleeptime(a.sleeptime().withEnabled(false)));
    }

    /** A DM agent with {@code words}: a message, the human block, an archival passage; plus usage and sleeptime records. */
    private Agent dmAgent(Speaker person, List<String> words) {
        Agent agent = fixture.directory.create("Companion", AgentScope.dm(person.id()), person.id(), "test/tiny");
        fixture.services.bindings().bind(new Binding(Binding.dm(person.id()), agent.id(), ListenMode.ALL, ""));
        say(agent, person, "My secret word is " + words.get(0));
        Block human = fixture.services.blocks().find(agent.id(), "human", null).orElseThrow();
        fixture.services
                .blocks()
                .update(human.id(), human.version(), "Loves " + words.get(1), Authors.user(person.id()));
        fixture.services.archival().insert(agent.id(), "Keeps a " + words.get(2), List.of("gems"), "agent");
        stores.usage()
                .record(new UsageRecord(
                        agent.id(), "test/tiny", LocalDate.of(2026, 1, 2), new Usage(100, 0, 0, 10), 0.01));
        fixture.storage
                .database()
                .getCollection("sleeptime_jobs")
                .insertOne(new Document("_id", "job-" + agent.id())
                        .append("agentId", agent.id())
                        .append("channelId", "dm"));
        fixture.storage.database().getCollection("sleeptime_leases").insertOne(new Document("_id", agent.id()));
        return agent;
    }

    /** A finished sleeptime job over seqs {@code from..to} whose log quotes {@code note}. */
    private void sleeptimeRun(Agent agent, long from, long to, String note) {
        fixture.storage
                .database()
                .getCollection("sleeptime_jobs")
                .insertOne(new Document("_id", "run-" + agent.id() + "-" + to)
                        .append("agentId", agent.id())
                        .append("fromSeq", from)
                        .append("toSeq", to)
                        .append("status", "DONE")
                        .append("steps", List.of(new Document("text", note).append("calls", List.of()))));
    }

    void setMemberBlock(Agent agent, String memberId, String value) {
        Optional<Block> block = fixture.services.blocks().find(agent.id(), "human", memberId);
        if (block.isPresent()) {
            fixture.services.blocks().update(block.get().id(), block.get().version(), value, Authors.AGENT);
        } else {
            fixture.services
                    .blocks()
                    .create(new NewBlock(agent.id(), "human", value, 2000, "", false, memberId), Authors.AGENT);
        }
    }

    private void appendSummary(Agent agent, String text) {
        fixture.services
                .recall()
                .append(NewMessage.text(agent.id(), Role.SUMMARY, text, Speaker.AGENT, "summary", Instant.now()));
    }

    TurnResult say(Agent agent, Speaker speaker, String text) {
        String channel = agent.scope().kind() == AgentScope.Kind.GUILD ? CHANNEL : "dm-" + speaker.id();
        TurnResult result = fixture.runtime
                .submit(new Inbound(agent.id(), channel, speaker, text, null, Instant.now()))
                .join();
        assertThat(result.status()).isEqualTo(TurnResult.Status.REPLIED);
        return result;
    }

    /** Every document of every collection, as JSON. */
    List<String> everyDocument() {
        List<String> all = new ArrayList<>();
        for (String collection : fixture.storage.database().listCollectionNames()) {
            for (Document document :
                    fixture.storage.database().getCollection(collection).find()) {
                all.add(collection + ": " + document.toJson());
            }
        }
        return all;
    }

    @Override
    public void close() {
        fixture.close();
    }
}
