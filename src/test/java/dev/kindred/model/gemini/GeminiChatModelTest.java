package dev.kindred.model.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.ContentPart;
import dev.kindred.model.JsonHttp;
import dev.kindred.model.ModelException;
import dev.kindred.model.ProviderErrorContract;
import dev.kindred.model.Snapshots;
import dev.kindred.model.StopReason;
import dev.kindred.model.StubHttpServer;
import dev.kindred.model.SystemPart;
import dev.kindred.model.ToolCall;
import dev.kindred.model.ToolDefinition;
import dev.kindred.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GeminiChatModelTest implements ProviderErrorContract {
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
        return new GeminiChatModel(server.endpoint("gemini", "/v1beta", apiKey), http);
    }

    @Override
    public String provider() {
        return "gemini";
    }

    @Override
    public String errorBody(int status, String message) {
        return "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"INVALID_ARGUMENT\"}}";
    }

    @Test
    void plainTextWithoutThoughtsAndCachedTokensTakenOutOfInput() {
        server.enqueueJson(200, """
                {"candidates":[{"content":{"role":"model","parts":[
                    {"text":"I should greet.","thought":true},{"text":"Hello!"}]},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":3000,"cachedContentTokenCount":2048,"candidatesTokenCount":5,
                                  "thoughtsTokenCount":20,"totalTokenCount":3025},
                 "modelVersion":"gemini-2.5-flash"}
                """);

        ChatResponse response = chat(new ChatRequest(
                "gemini-2.5-flash",
                List.of(new SystemPart("You are kind.", true), new SystemPart("<memory/>", false)),
                List.of(),
                List.of(ChatMessage.user("Hi!")),
                1024));

        assertThat(response.text()).isEqualTo("Hello!");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage()).isEqualTo(new Usage(952, 2048, 0, 25));
        assertThat(server.lastRequest().path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(server.lastRequest().header("x-goog-api-key")).isEqualTo(KEY);
        Snapshots.assertMatches("gemini/plain-text", server.lastRequest().body());
    }

    @Test
    void functionCallsGetStableIdsAndResultsGoBackByName() {
        String answer = """
                {"candidates":[{"content":{"role":"model","parts":[
                    {"functionCall":{"name":"archival_memory_search","args":{"query":"cats"}},"thoughtSignature":"c2lnMQ=="},
                    {"functionCall":{"name":"memory_insert","args":{"label":"human"}}}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":100,"candidatesTokenCount":10}}
                """;
        server.enqueueJson(200, answer).enqueueJson(200, answer);
        server.enqueueJson(200, """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Miso!"}]},"finishReason":"STOP"}]}
                """);

        ChatResponse first = chat(withTools(List.of(ChatMessage.user("Remember my cat?"))));
        ChatResponse again = chat(withTools(List.of(ChatMessage.user("Remember my cat?"))));

        assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(first.toolCalls())
                .extracting(ToolCall::name)
                .containsExactly("archival_memory_search", "memory_insert");
        assertThat(first.toolCalls())
                .extracting(ToolCall::arguments)
                .containsExactly("{\"query\":\"cats\"}", "{\"label\":\"human\"}");
        assertThat(first.toolCalls()).isEqualTo(again.toolCalls());
        assertThat(first.toolCalls().get(0).id())
                .isNotEqualTo(first.toolCalls().get(1).id());

        List<ChatMessage> history = new ArrayList<>();
        history.add(ChatMessage.user("Remember my cat?"));
        history.add(new ChatMessage(
                ChatMessage.Role.ASSISTANT,
                first.toolCalls().stream()
                        .map(c -> (ContentPart) new ContentPart.ToolUse(c))
                        .toList(),
                false));
        history.add(new ChatMessage(
                ChatMessage.Role.TOOL,
                List.of(
                        new ContentPart.ToolResult(
                                first.toolCalls().get(0).id(), "archival_memory_search", "Miso", false),
                        new ContentPart.ToolResult(
                                first.toolCalls().get(1).id(), "memory_insert", "{\"status\":\"OK\"}", false)),
                false));
        history.add(new ChatMessage(
                ChatMessage.Role.TOOL,
                List.of(new ContentPart.ToolResult("x", "conversation_search", "index unavailable", true)),
                false));
        assertThat(chat(withTools(history)).text()).isEqualTo("Miso!");
        Snapshots.assertMatches("gemini/tool-results", server.lastRequest().body());
    }

    @Test
    void toolSchemasLoseKeysGeminiRejects() {
        server.enqueueJson(200, """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"ok"}]},"finishReason":"MAX_TOKENS"}]}
                """);
        ObjectNode schema = MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false);
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.putObject("properties").putObject("tags").put("type", "array").put("additionalProperties", false);
        ChatRequest request = new ChatRequest(
                "gemini-2.5-pro",
                List.of(),
                List.of(new ToolDefinition("archival_memory_insert", "Store a passage", schema)),
                List.of(ChatMessage.user("store this")),
                100);

        assertThat(chat(request).stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        Snapshots.assertMatches("gemini/tool-schema", server.lastRequest().body());
        assertThat(schema.has("additionalProperties"))
                .as("the caller's schema is left alone")
                .isTrue();
    }

    @Test
    void invalidKeyReportedAs400IsAKeyProblem() {
        server.enqueueJson(400, """
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}
                """);
        assertThat(failure().getMessage()).startsWith("the API key for gemini was rejected (400)");
    }

    @Test
    void rateLimitDelayFromTheErrorBody() {
        server.enqueueJson(429, """
                {"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED",
                  "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}
                """);
        assertThat(failure().retryAfter()).contains(Duration.ofSeconds(37));
    }

    @Test
    void blockedPromptIsFatal() {
        server.enqueueJson(200, """
                {"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":10}}
                """);
        ModelException e = catchThrowableOfType(
                ModelException.class, () -> chat(withTools(List.of(ChatMessage.user("something")))));
        assertThat(e.kind()).isEqualTo(ModelException.Kind.FATAL);
        assertThat(e.getMessage()).contains("SAFETY");
    }

    private ChatResponse chat(ChatRequest request) {
        return model(http(), KEY).chat(request);
    }

    private static ChatRequest withTools(List<ChatMessage> messages) {
        return new ChatRequest(
                "gemini-2.5-flash",
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
