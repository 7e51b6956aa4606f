package dev.kindred.model.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.ContentPart;
import dev.kindred.model.JsonHttp;
import dev.kindred.model.ProviderErrorContract;
import dev.kindred.model.Snapshots;
import dev.kindred.model.StopReason;
import dev.kindred.model.StubHttpServer;
import dev.kindred.model.SystemPart;
import dev.kindred.model.ToolCall;
import dev.kindred.model.ToolDefinition;
import dev.kindred.model.Usage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicChatModelTest implements ProviderErrorContract {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StubHttpServer server = StubHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    public StubHttpServer server() {
        return server;
    }

    @Override
    public ChatModel model(JsonHttp http, String apiKey) {
        return new AnthropicChatModel(server.endpoint("anthropic", "/", apiKey), http);
    }

    @Override
    public String provider() {
        return "anthropic";
    }

    @Override
    public String errorBody(int status, String message) {
        String type = status == 429 ? "rate_limit_error" : status == 500 ? "api_error" : "invalid_request_error";
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }

    @Test
    void plainTextReplyWithCacheUsageAndNoThinking() {
        server.enqueueJson(200, """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"thinking","thinking":"Let me think.","signature":"abc"},
                            {"type":"text","text":"Hello there!"}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":12,"cache_creation_input_tokens":1500,"cache_read_input_tokens":4000,
                          "output_tokens":9}}
                """);

        ChatResponse response = chat(new ChatRequest(
                "claude-sonnet-4-5",
                List.of(new SystemPart("You are kind.", true), new SystemPart("<memory/>", false)),
                List.of(),
                List.of(ChatMessage.user("Hi!")),
                1024));

        assertThat(response.text()).isEqualTo("Hello there!");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage()).isEqualTo(new Usage(12, 4000, 1500, 9));
        StubHttpServer.Received request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        Snapshots.assertMatches("anthropic/plain-text", request.body());
    }

    @Test
    void severalToolCallsInOneReply() {
        server.enqueueJson(200, """
                {"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":"Let me look."},
                            {"type":"tool_use","id":"toolu_01","name":"archival_memory_search","input":{"query":"cats"}},
                            {"type":"tool_use","id":"toolu_02","name":"memory_insert","input":{"label":"human","new_string":"likes cats"}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":50,"output_tokens":40}}
                """);

        ChatResponse response = chat(withTools(List.of(ChatMessage.user("Remember my cat?"))));

        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(response.text()).isEqualTo("Let me look.");
        assertThat(response.toolCalls())
                .containsExactly(
                        new ToolCall("toolu_01", "archival_memory_search", "{\"query\":\"cats\"}"),
                        new ToolCall(
                                "toolu_02", "memory_insert", "{\"label\":\"human\",\"new_string\":\"likes cats\"}"));
        assertThat(response.usage()).isEqualTo(new Usage(50, 0, 0, 40));
        Snapshots.assertMatches("anthropic/tools-offered", server.lastRequest().body());
    }

    @Test
    void toolResultsGoBackInOneUserTurnWithBreakpoints() {
        server.enqueueJson(200, """
                {"id":"msg_03","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":"Your cat is Miso."}],
                 "stop_reason":"end_turn","usage":{"input_tokens":5,"cache_read_input_tokens":900,"output_tokens":6}}
                """);
        ToolCall search = new ToolCall("toolu_01", "archival_memory_search", "{\"query\":\"cat\"}");
        ToolCall insert = new ToolCall("toolu_02", "memory_insert", "not json");
        List<ChatMessage> history = List.of(
                ChatMessage.user("Remember my cat?").withCacheBreakpoint(true),
                new ChatMessage(
                        ChatMessage.Role.ASSISTANT,
                        List.of(new ContentPart.ToolUse(search), new ContentPart.ToolUse(insert)),
                        false),
                new ChatMessage(
                        ChatMessage.Role.TOOL,
                        List.of(new ContentPart.ToolResult(
                                "toolu_01", "archival_memory_search", "Miso, a tabby", false)),
                        false),
                new ChatMessage(
                        ChatMessage.Role.TOOL,
                        List.of(new ContentPart.ToolResult(
                                "toolu_02", "memory_insert", "{\"status\":\"Failed\",\"message\":\"bad json\"}", true)),
                        true));

        ChatResponse response = chat(withTools(history).withCacheTools(true));

        assertThat(response.text()).isEqualTo("Your cat is Miso.");
        Snapshots.assertMatches("anthropic/tool-results", server.lastRequest().body());
    }

    @Test
    void atMostFourBreakpointsKeepingTheLatest() {
        server.enqueueJson(200, """
                {"content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}
                """);
        List<ChatMessage> history = List.of(
                ChatMessage.user("one").withCacheBreakpoint(true),
                ChatMessage.assistant("two").withCacheBreakpoint(true),
                ChatMessage.user("three").withCacheBreakpoint(true));
        ChatRequest request = new ChatRequest(
                        "claude-haiku-4-5",
                        List.of(new SystemPart("static", true), new SystemPart("memory", true)),
                        List.of(tool("archival_memory_search")),
                        history,
                        100)
                .withCacheTools(true);

        chat(request);

        String body = server.lastRequest().body().toString();
        assertThat(body.split("cache_control", -1)).hasSize(5);
        assertThat(server.lastRequest().body().path("tools").path(0).has("cache_control"))
                .isFalse();
        assertThat(server.lastRequest().body().path("system").path(0).has("cache_control"))
                .isFalse();
        assertThat(server.lastRequest().body().path("system").path(1).has("cache_control"))
                .isTrue();
    }

    @Test
    void maxTokensStopIsReported() {
        server.enqueueJson(200, """
                {"content":[{"type":"text","text":"cut"}],"stop_reason":"max_tokens","usage":{"input_tokens":1,"output_tokens":100}}
                """);
        assertThat(chat(withTools(List.of(ChatMessage.user("go")))).stopReason())
                .isEqualTo(StopReason.MAX_TOKENS);
    }

    @Test
    void overloadedIsRetriable() {
        server.enqueueJson(529, """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
                """);
        var e = failure();
        assertThat(e.kind()).isEqualTo(dev.kindred.model.ModelException.Kind.RETRIABLE);
        assertThat(e.getMessage()).isEqualTo("anthropic is overloaded (529), try again shortly");
    }

    private ChatResponse chat(ChatRequest request) {
        return model(http(), KEY).chat(request);
    }

    private static ChatRequest withTools(List<ChatMessage> messages) {
        return new ChatRequest(
                "claude-sonnet-4-5",
                List.of(new SystemPart("You are kind.", true)),
                List.of(tool("archival_memory_search"), tool("memory_insert")),
                messages,
                2048);
    }

    static ToolDefinition tool(String name) {
        ObjectNode schema = MAPPER.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("query").put("type", "string");
        schema.putArray("required").add("query");
        return new ToolDefinition(name, "Does " + name, schema);
    }
}
