package dev.kindred.model.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.ContentPart;
import dev.kindred.model.JsonHttp;
import dev.kindred.model.ModelException;
import dev.kindred.model.MutableClock;
import dev.kindred.model.ProviderCall;
import dev.kindred.model.StopReason;
import dev.kindred.model.SystemPart;
import dev.kindred.model.ToolCall;
import dev.kindred.model.Usage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeAnthropicServerTest {
    private static final String INSTRUCTIONS = "Be kind. ".repeat(500);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final FakeAnthropicServer fake = FakeAnthropicServer.start(clock, 100);
    private final JsonHttp http = new JsonHttp(HttpClient.newHttpClient(), clock);
    private final AnthropicChatModel model = new AnthropicChatModel(fake.endpoint(), http);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void firstCallWritesTheCachedPrefixAndTheSameCallReadsIt() {
        Usage first = chat(request(List.of(ChatMessage.user("Hello")))).usage();
        Usage second = chat(request(List.of(ChatMessage.user("Hello")))).usage();

        assertThat(first.cacheReadTokens()).isZero();
        assertThat(first.cacheWriteTokens()).isGreaterThan(1000);
        assertThat(first.inputTokens()).isPositive();
        assertThat(second)
                .isEqualTo(new Usage(first.inputTokens(), first.cacheWriteTokens(), 0, second.outputTokens()));
        assertThat(fake.totalBilled().cacheReadTokens()).isEqualTo(first.cacheWriteTokens());
    }

    @Test
    void rollingBreakpointReadsThePreviousTurnThroughTheLookback() {
        ChatMessage hello = ChatMessage.user("Hello, remember me?");
        Usage turn1 = chat(request(List.of(hello.withCacheBreakpoint(true)))).usage();
        Usage turn2 = chat(request(List.of(
                        hello,
                        ChatMessage.assistant("Of course."),
                        ChatMessage.user("Good").withCacheBreakpoint(true))))
                .usage();

        assertThat(turn2.cacheReadTokens()).isEqualTo(turn1.cacheWriteTokens());
        assertThat(turn2.cacheWriteTokens()).isPositive();
        assertThat(turn2.inputTokens()).isZero();
    }

    @Test
    void changedSystemPromptInvalidatesEverythingAfterIt() {
        chat(request(List.of(ChatMessage.user("Hello").withCacheBreakpoint(true))));
        ChatRequest edited = new ChatRequest(
                "claude-sonnet-4-5",
                List.of(new SystemPart("Be terse. " + INSTRUCTIONS, true)),
                List.of(),
                List.of(ChatMessage.user("Hello").withCacheBreakpoint(true)),
                100);

        Usage usage = chat(edited).usage();

        assertThat(usage.cacheReadTokens()).isZero();
        assertThat(usage.cacheWriteTokens()).isEqualTo(usage.totalInput());
    }

    @Test
    void cachedToolsSurviveASystemPromptChange() {
        ChatRequest first = withTool(request(List.of(ChatMessage.user("Hi"))));
        Usage written = chat(first).usage();
        ChatRequest edited = withTool(new ChatRequest(
                "claude-sonnet-4-5",
                List.of(new SystemPart("Changed memory. " + INSTRUCTIONS, true)),
                List.of(),
                List.of(ChatMessage.user("Hi")),
                100));

        Usage usage = chat(edited).usage();

        assertThat(usage.cacheReadTokens()).isPositive().isLessThan(written.cacheWriteTokens());
        assertThat(usage.cacheWriteTokens()).isPositive();
    }

    @Test
    void entriesExpireFiveMinutesAfterTheirLastUse() {
        chat(request(List.of(ChatMessage.user("Hello"))));
        clock.advance(Duration.ofMinutes(4));
        assertThat(chat(request(List.of(ChatMessage.user("Hello")))).usage().cacheReadTokens())
                .as("read, which refreshes the entry")
                .isPositive();
        clock.advance(Duration.ofMinutes(4));
        assertThat(chat(request(List.of(ChatMessage.user("Hello")))).usage().cacheReadTokens())
                .isPositive();
        clock.advance(Duration.ofMinutes(5));
        Usage expired = chat(request(List.of(ChatMessage.user("Hello")))).usage();
        assertThat(expired.cacheReadTokens()).isZero();
        assertThat(expired.cacheWriteTokens()).isPositive();
    }

    @Test
    void cachesArePerModel() {
        chat(request(List.of(ChatMessage.user("Hello"))));
        Usage other = chat(request(List.of(ChatMessage.user("Hello"))).withModel("claude-haiku-4-5"))
                .usage();
        assertThat(other.cacheReadTokens()).isZero();
    }

    @Test
    void prefixesBelowTheMinimumAreNotCached() {
        try (FakeAnthropicServer strict = FakeAnthropicServer.start(clock, 1_000_000)) {
            AnthropicChatModel strictModel = new AnthropicChatModel(strict.endpoint(), http);
            strictModel.chat(request(List.of(ChatMessage.user("Hello"))));
            Usage usage = strictModel
                    .chat(request(List.of(ChatMessage.user("Hello"))))
                    .usage();
            assertThat(usage.cacheReadTokens()).isZero();
            assertThat(usage.cacheWriteTokens()).isZero();
            assertThat(strict.cacheEntries()).isZero();
        }
    }

    @Test
    void breakpointsBeyondTheLookbackAreNotFound() {
        List<ChatMessage> history = new ArrayList<>();
        history.add(ChatMessage.user("turn 0").withCacheBreakpoint(true));
        chat(request(history));
        history.set(0, ChatMessage.user("turn 0"));
        for (int i = 1; i <= 24; i++) {
            history.add(i % 2 == 1 ? ChatMessage.assistant("reply " + i) : ChatMessage.user("turn " + i));
        }
        history.set(history.size() - 1, history.get(history.size() - 1).withCacheBreakpoint(true));

        Usage usage = chat(request(history)).usage();

        assertThat(usage.cacheReadTokens())
                .as("only the system prefix is found")
                .isPositive();
        assertThat(usage.cacheReadTokens()).isLessThan(PromptCacheSimulator.tokens(INSTRUCTIONS) + 20);
    }

    @Test
    void scriptedToolUseAndTheResultMustAnswerIt() {
        fake.reply(FakeAnthropicServer.FakeReply.toolUse("toolu_1", "archival_memory_search", "{\"query\":\"cats\"}"));
        ChatResponse call = chat(request(List.of(ChatMessage.user("cats?"))));
        assertThat(call.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(call.toolCalls())
                .containsExactly(new ToolCall("toolu_1", "archival_memory_search", "{\"query\":\"cats\"}"));

        ChatMessage asked = new ChatMessage(
                ChatMessage.Role.ASSISTANT,
                List.of(new ContentPart.ToolUse(call.toolCalls().get(0))),
                false);
        ModelException unanswered = catchThrowableOfType(
                ModelException.class,
                () -> chat(request(List.of(ChatMessage.user("cats?"), asked, ChatMessage.user("well?")))));
        assertThat(unanswered.kind()).isEqualTo(ModelException.Kind.FATAL);
        assertThat(unanswered.getMessage()).contains("toolu_1");

        ChatMessage result = new ChatMessage(
                ChatMessage.Role.TOOL,
                List.of(new ContentPart.ToolResult("toolu_1", "archival_memory_search", "Miso", false)),
                false);
        fake.replyWith(request -> FakeAnthropicServer.FakeReply.text("Miso it is"));
        assertThat(chat(request(List.of(ChatMessage.user("cats?"), asked, result)))
                        .text())
                .isEqualTo("Miso it is");
    }

    @Test
    void moreThanFourBreakpointsAreRejectedAsAnthropicDoes() {
        ObjectNode body =
                MAPPER.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 10);
        for (int i = 0; i < 5; i++) {
            body.withArray("system")
                    .addObject()
                    .put("type", "text")
                    .put("text", "part " + i)
                    .putObject("cache_control")
                    .put("type", "ephemeral");
        }
        body.putArray("messages").addObject().put("role", "user").put("content", "hi");
        ProviderCall call = new ProviderCall(
                fake.endpoint(),
                "claude-sonnet-4-5",
                fake.endpoint().resolve("/v1/messages"),
                Map.of("x-api-key", FakeAnthropicServer.API_KEY, "anthropic-version", "2023-06-01"));

        ModelException e = catchThrowableOfType(ModelException.class, () -> http.post(call, body));

        assertThat(e.getMessage()).contains("A maximum of 4 blocks with cache_control may be provided. Found 5.");
    }

    @Test
    void wrongKeyIsRejected() {
        AnthropicChatModel wrongKey = new AnthropicChatModel(
                new dev.kindred.model.Endpoint(
                        "anthropic", fake.baseUrl(), "nope-nope", "ANTHROPIC_API_KEY", Duration.ofSeconds(5)),
                http);
        ModelException e = catchThrowableOfType(
                ModelException.class, () -> wrongKey.chat(request(List.of(ChatMessage.user("hi")))));
        assertThat(e.getMessage()).startsWith("the API key for anthropic was rejected (401)");
    }

    private ChatResponse chat(ChatRequest request) {
        return model.chat(request);
    }

    private static ChatRequest request(List<ChatMessage> messages) {
        return new ChatRequest(
                "claude-sonnet-4-5", List.of(new SystemPart(INSTRUCTIONS, true)), List.of(), messages, 100);
    }

    private static ChatRequest withTool(ChatRequest request) {
        ObjectNode schema = MAPPER.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("query").put("type", "string").put("description", "x".repeat(800));
        return new ChatRequest(
                        request.model(),
                        request.system(),
                        List.of(new dev.kindred.model.ToolDefinition("archival_memory_search", "Search", schema)),
                        request.messages(),
                        request.maxTokens())
                .withCacheTools(true);
    }
}
