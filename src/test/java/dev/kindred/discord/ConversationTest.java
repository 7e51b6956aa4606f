package dev.kindred.discord;

import static dev.kindred.discord.FakeWorld.ALICE;
import static dev.kindred.discord.FakeWorld.BOB;
import static dev.kindred.discord.FakeWorld.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Binding;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.StopReason;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Messages in, replies out: the real bot and runtime against the fake Discord. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationTest {
    private BotHarness h;

    @BeforeAll
    void start() throws Exception {
        h = new BotHarness(1_000, 0);
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    @Test
    void aDirectMessageIsStoredBeforeTheModelRunsAndAnsweredInTheDmChannel() {
        String messageId = h.discord.nextId();
        AtomicBoolean storedFirst = new AtomicBoolean();
        h.model.then(request -> {
            Agent agent = companionOf(ALICE.id());
            storedFirst.set(
                    h.services.messages().bySource(agent.id(), messageId).isPresent());
            return new ChatResponse("Hello Alice!", List.of(), StopReason.END_TURN, ScriptedChat.USAGE, "test/tiny");
        });

        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(messageId, ALICE, "hi there"));

        FakeDiscord.Request reply = h.awaitDm(ALICE, "Hello Alice!");
        assertThat(reply.json().has("message_reference")).isFalse();
        assertThat(storedFirst).isTrue();
        Agent agent = companionOf(ALICE.id());
        assertThat(agent.name()).isEqualTo("Companion");
        assertThat(agent.scope()).isEqualTo(AgentScope.dm(ALICE.id()));
        Message stored = h.services.messages().bySource(agent.id(), messageId).orElseThrow();
        assertThat(stored.speaker().id()).isEqualTo(ALICE.id());
        assertThat(stored.speaker().name()).isEqualTo("alice");
        assertThat(stored.channelId()).isEqualTo(ALICE.dmChannel());
        h.discord.await("POST", "/channels/" + ALICE.dmChannel() + "/typing", r -> true);
    }

    @Test
    void aTurnThatBreaksInsideKindredStillAnswersWithAClearMessage() {
        h.model.then(request -> {
            throw new IllegalStateException("a bug in Kindred");
        });

        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(h.discord.nextId(), ALICE, "are you there?"));

        h.awaitDm(ALICE, MessageListener.CRASHED);
    }

    @Test
    void aMentionInAServerIsAnsweredByTheServerAgentWithAReplyToTheMessage() {
        Agent server = serverDefaultAgent();
        String messageId = h.discord.nextId();
        h.model.reply("Hi from the club.");

        h.discord.dispatch(
                "MESSAGE_CREATE", h.discord.world.inGuild(messageId, FakeWorld.GENERAL, BOB, "<@1000> hello?", true));

        FakeDiscord.Request reply = h.discord.await(
                "POST",
                "/channels/" + FakeWorld.GENERAL + "/messages",
                r -> r.content().equals("Hi from the club."));
        assertThat(reply.json().path("message_reference").path("message_id").asText())
                .isEqualTo(messageId);
        assertThat(h.services.messages().bySource(server.id(), messageId)).isPresent();
    }

    @Test
    void theSameMessageDeliveredTwiceIsAnsweredOnce() {
        String messageId = h.discord.nextId();
        h.model.reply("Once.");

        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(messageId, CAROL, "hello twice"));
        h.awaitDm(CAROL, "Once.");
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(messageId, CAROL, "hello twice"));
        h.model.reply("marker");
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(h.discord.nextId(), CAROL, "ping"));
        h.awaitDm(CAROL, "marker");

        assertThat(h.discord.requests("POST", "/channels/" + CAROL.dmChannel() + "/messages").stream()
                        .filter(r -> r.content().equals("Once.")))
                .hasSize(1);
    }

    @Test
    void aServerMessageWithoutMentionOrBindingIsIgnored() {
        Agent server = serverDefaultAgent();
        String messageId = h.discord.nextId();

        h.discord.dispatch(
                "MESSAGE_CREATE", h.discord.world.inGuild(messageId, FakeWorld.GENERAL, BOB, "just chatting", false));
        String marker = h.discord.nextId();
        h.model.reply("marker");
        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(marker, BOB, "ping"));
        h.awaitDm(BOB, "marker");

        assertThat(h.services.messages().bySource(server.id(), messageId)).isEmpty();
    }

    @Test
    void aBoundChannelKeepsEachMembersHumanBlockApart() {
        Agent lounge = h.directory.findOrCreate("Lounge", AgentScope.guild(FakeWorld.GUILD), ALICE.id(), "test/tiny");
        h.services
                .bindings()
                .bind(new Binding(
                        Binding.channel(FakeWorld.LOUNGE),
                        lounge.id(),
                        dev.kindred.memory.ListenMode.ALL,
                        FakeWorld.GUILD));
        h.model
                .then(request -> toolCall("memory_replace", replaceHuman("Alice likes tea.")))
                .reply("Noted, Alice.")
                .then(request -> toolCall("memory_replace", replaceHuman("Bob likes coffee.")))
                .reply("Noted, Bob.");

        h.discord.dispatch(
                "MESSAGE_CREATE",
                h.discord.world.inGuild(h.discord.nextId(), FakeWorld.LOUNGE, ALICE, "I like tea", false));
        h.discord.await(
                "POST",
                "/channels/" + FakeWorld.LOUNGE + "/messages",
                r -> r.content().equals("Noted, Alice."));
        h.discord.dispatch(
                "MESSAGE_CREATE",
                h.discord.world.inGuild(h.discord.nextId(), FakeWorld.THREAD, BOB, "I like coffee", false));
        h.discord.await(
                "POST",
                "/channels/" + FakeWorld.THREAD + "/messages",
                r -> r.content().equals("Noted, Bob."));

        assertThat(h.services
                        .blocks()
                        .find(lounge.id(), "human", ALICE.id())
                        .orElseThrow()
                        .value())
                .isEqualTo("Alice likes tea.");
        assertThat(h.services
                        .blocks()
                        .find(lounge.id(), "human", BOB.id())
                        .orElseThrow()
                        .value())
                .isEqualTo("Bob likes coffee.");
    }

    @Test
    void aLongReplyIsPostedInPartsOfAtMost2000Characters() {
        String paragraph = "word ".repeat(120) + "end.";
        String reply = String.join("\n\n", java.util.Collections.nCopies(9, paragraph));
        assertThat(reply).hasSize(5_452);
        h.model.reply(reply);

        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(h.discord.nextId(), BOB, "tell me a lot"));

        List<FakeDiscord.Request> parts = h.discord.awaitCount(
                "POST",
                "/channels/" + BOB.dmChannel() + "/messages",
                r -> r.content().startsWith("word"),
                3);
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(p -> assertThat(p.content()).hasSizeLessThanOrEqualTo(2_000));
        assertThat(String.join(
                        "\n\n", parts.stream().map(FakeDiscord.Request::content).toList()))
                .isEqualTo(reply);
    }

    @Test
    void aFailedModelCallSendsTheShortMessageAndKeepsTheUserMessage() {
        String messageId = h.discord.nextId();
        h.model.then(request -> {
            throw dev.kindred.model.ModelException.fatal("the API key for test was rejected");
        });

        h.discord.dispatch("MESSAGE_CREATE", h.discord.world.dm(messageId, ALICE, "are you there?"));

        FakeDiscord.Request reply = h.discord.await(
                "POST",
                "/channels/" + ALICE.dmChannel() + "/messages",
                r -> r.content().contains("API key"));
        Agent agent = companionOf(ALICE.id());
        assertThat(reply.content()).hasSizeLessThan(400);
        Message stored = h.services.messages().bySource(agent.id(), messageId).orElseThrow();
        assertThat(stored.role()).isEqualTo(Role.USER);
        assertThat(stored.content()).isEqualTo("are you there?");
    }

    private Agent companionOf(String userId) {
        String agentId =
                h.services.bindings().find(Binding.dm(userId)).orElseThrow().agentId();
        return h.services.agents().get(agentId).orElseThrow();
    }

    private Agent serverDefaultAgent() {
        Agent agent = h.directory.findOrCreate("Club", AgentScope.guild(FakeWorld.GUILD), ALICE.id(), "test/tiny");
        h.services
                .bindings()
                .bind(new Binding(
                        Binding.guild(FakeWorld.GUILD),
                        agent.id(),
                        dev.kindred.memory.ListenMode.MENTION,
                        FakeWorld.GUILD));
        return agent;
    }

    private static String replaceHuman(String text) {
        return "{\"label\":\"human\",\"old_string\":\"Nothing is known about this person yet.\",\"new_string\":\""
                + text + "\"}";
    }

    private static ChatResponse toolCall(String name, String args) {
        return new ChatResponse(
                "",
                List.of(new dev.kindred.model.ToolCall("call-" + name + args.hashCode(), name, args)),
                StopReason.TOOL_USE,
                ScriptedChat.USAGE,
                "test/tiny");
    }
}
