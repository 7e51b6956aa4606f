package dev.kindred.model.openai;

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

class OpenAiChatModelTest implements ProviderErrorContract {
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
        return new OpenAiChatModel(server.endpoint("openai", "/v1", apiKey), http);
    }

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public String errorBody(int status, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,"
                + "\"code\":null}}";
    }

    @Test
    void plainTextWithoutReasoningAndCachedTokensTakenOutOfInput() {
        server.enqueueJson(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4.1-2025-04-14",
                 "choices":[{"index":0,"finish_reason":"stop",
                   "message":{"role":"assistant","reasoning_content":"hidden chain",
                              "content":"<think>private musing</think>\\n\\nHello!"}}],
                 "usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,
                          "prompt_tokens_details":{"cached_tokens":1920}}}
                """);

        ChatResponse response = chat(new ChatRequest(
                "gpt-4.1",
                List.of(new SystemPart("You are kind.", true), new SystemPart("<memory/>", false)),
                List.of(),
                List.of(ChatMessage.user("Hi!")),
                1024));

        assertThat(response.text()).isEqualTo("Hello!");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage()).isEqualTo(new Usage(86, 1920, 0, 300));
        assertThat(server.lastRequest().path()).isEqualTo("/v1/chat/completions");
        assertThat(server.lastRequest().header("authorization")).isEqualTo("Bearer " + KEY);
        Snapshots.assertMatches("openai/plain-text", server.lastRequest().body());
    }

    @Test
    void severalToolCallsWithArgumentsAsJsonStrings() {
        server.enqueueJson(200, """
                {"id":"chatcmpl-2","object":"chat.completion","model":"gpt-4.1",
                 "choices":[{"index":0,"finish_reason":"tool_calls",
                   "message":{"role":"assistant","content":null,"tool_calls":[
                     {"id":"call_a","type":"function","function":{"name":"archival_memory_search","arguments":"{\\"query\\":\\"cats\\"}"}},
                     {"id":"call_b","type":"function","function":{"name":"memory_insert","arguments":"{\\"label\\":\\"human\\"}"}}]}}],
                 "usage":{"prompt_tokens":100,"completion_tokens":20}}
                """);

        ChatResponse response = chat(withTools(List.of(ChatMessage.user("Remember my cat?"))));

        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls())
                .containsExactly(
                        new ToolCall("call_a", "archival_memory_search", "{\"query\":\"cats\"}"),
                        new ToolCall("call_b", "memory_insert", "{\"label\":\"human\"}"));
        assertThat(response.usage()).isEqualTo(new Usage(100, 0, 0, 20));
        Snapshots.assertMatches("openai/tools-offered", server.lastRequest().body());
    }

    @Test
    void toolResultsGoBackAsToolMessages() {
        server.enqueueJson(200, """
                {"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Miso!"}}],
                 "usage":{"prompt_tokens":10,"completion_tokens":2,"prompt_cache_hit_tokens":4}}
                """);
        ToolCall search = new ToolCall("call_a", "archival_memory_search", "{\"query\":\"cat\"}");
        ToolCall insert = new ToolCall("call_b", "memory_insert", "{\"label\":\"human\"}");
        List<ChatMessage> history = List.of(
                ChatMessage.user("Remember my cat?"),
                new ChatMessage(
                        ChatMessage.Role.ASSISTANT,
                        List.of(
                                new ContentPart.Text("Checking."),
                                new ContentPart.ToolUse(search),
                                new ContentPart.ToolUse(insert)),
                        false),
                new ChatMessage(
                        ChatMessage.Role.TOOL,
                        List.of(
                                new ContentPart.ToolResult("call_a", "archival_memory_search", "Miso", false),
                                new ContentPart.ToolResult("call_b", "memory_insert", "{\"status\":\"OK\"}", false)),
                        true));

        ChatResponse response = chat(withTools(history));

        assertThat(response.text()).isEqualTo("Miso!");
        assertThat(response.usage()).as("DeepSeek's cache field").isEqualTo(new Usage(6, 4, 0, 2));
        Snapshots.assertMatches("openai/tool-results", server.lastRequest().body());
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() {
        server.enqueueJson(200, """
                {"choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant","content":"cut"}}]}
                """);
        ChatResponse response = model(http(), "").chat(withTools(List.of(ChatMessage.user("go"))));
        assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(server.lastRequest().header("authorization")).isEmpty();
    }

    @Test
    void openAiItselfGetsMaxCompletionTokens() {
        ChatRequest request = withTools(List.of(ChatMessage.user("go")));
        assertThat(OpenAiRequest.toJson(request, "gpt-5", true)
                        .path("max_completion_tokens")
                        .asInt())
                .isEqualTo(2048);
        assertThat(OpenAiRequest.toJson(request, "llama3.1", false)
                        .path("max_tokens")
                        .asInt())
                .isEqualTo(2048);
    }

    @Test
    void reasoningWithoutOpeningTagIsDropped() {
        assertThat(OpenAiResponse.withoutReasoning("thinking hard</think>Answer"))
                .isEqualTo("Answer");
        assertThat(OpenAiResponse.withoutReasoning("<think>never closed")).isEmpty();
        assertThat(OpenAiResponse.withoutReasoning("a <b>plain</b> answer")).isEqualTo("a <b>plain</b> answer");
    }

    private ChatResponse chat(ChatRequest request) {
        return model(http(), KEY).chat(request);
    }

    private static ChatRequest withTools(List<ChatMessage> messages) {
        return new ChatRequest(
                "gpt-4.1",
                List.of(new SystemPart("You are kind.", true)),
                List.of(tool("archival_memory_search"), tool("memory_insert")),
                messages,
                2048);
    }

    private static ToolDefinition tool(String name) {
        ObjectNode schema = MAPPER.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("query").put("type", "string");
        return new ToolDefinition(name, "Does " + name, schema);
    }
}
