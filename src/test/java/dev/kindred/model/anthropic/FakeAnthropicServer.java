package dev.kindred.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kindred.model.Endpoint;
import dev.kindred.model.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A local stand-in for Anthropic's Messages API that bills input tokens the way Anthropic's prompt
 * cache would (see {@link PromptCacheSimulator}), for tests and cost benchmarks. Replies are
 * scripted: queued ones first, then the default (the text "ok" unless {@link #replyWith} says
 * otherwise). It checks what Anthropic checks that matters here: the headers, at most four
 * cache breakpoints, and that tool results answer the tool calls just before them.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.now());
 * try (FakeAnthropicServer fake = FakeAnthropicServer.start(clock, 1024)) {
 *     ChatModel model = new AnthropicChatModel(fake.endpoint(), new JsonHttp(HttpClient.newHttpClient(), clock));
 *     fake.reply(FakeReply.toolUse("toolu_1", "archival_memory_search", "{\"query\":\"cats\"}"));
 *     ... model.chat(request) ... fake.billed() ...
 * }
 * }</pre>
 */
public final class FakeAnthropicServer implements AutoCloseable {
    public static final String API_KEY = "fake-anthropic-key";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final PromptCacheSimulator cache;
    private final Deque<FakeReply> replies = new ArrayDeque<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<Usage> billed = new ArrayList<>();
    private Function<JsonNode, FakeReply> fallback = request -> FakeReply.text("ok");

    private FakeAnthropicServer(HttpServer server, PromptCacheSimulator cache) {
        this.server = server;
        this.cache = cache;
    }

    /** @param minCacheableTokens Anthropic's minimum cacheable prefix: 1024 for Sonnet, 2048 for Haiku */
    public static FakeAnthropicServer start(Clock clock, int minCacheableTokens) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeAnthropicServer fake =
                    new FakeAnthropicServer(http, new PromptCacheSimulator(clock, minCacheableTokens));
            http.createContext("/v1/messages", fake::handle);
            http.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FakeAnthropicServer start(Clock clock) {
        return start(clock, 1024);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An endpoint for {@link AnthropicChatModel}, or use {@link #baseUrl()} as a provider's base-url. */
    public Endpoint endpoint() {
        return new Endpoint("anthropic", baseUrl(), API_KEY, "ANTHROPIC_API_KEY", Duration.ofSeconds(30));
    }

    public synchronized FakeAnthropicServer reply(FakeReply reply) {
        replies.add(reply);
        return this;
    }

    /** How to answer when no reply is queued. */
    public synchronized FakeAnthropicServer replyWith(Function<JsonNode, FakeReply> script) {
        this.fallback = script;
        return this;
    }

    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The usage reported for each successful request, in order. */
    public synchronized List<Usage> billed() {
        return List.copyOf(billed);
    }

    public synchronized Usage totalBilled() {
        return billed.stream().reduce(Usage.ZERO, Usage::plus);
    }

    public int cacheEntries() {
        return cache.entries();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = MAPPER.readTree(exchange.getRequestBody());
            String problem = FakeAnthropicChecks.problem(exchange.getRequestHeaders(), request);
            if (!problem.isEmpty()) {
                int status = problem.startsWith("invalid x-api-key") ? 401 : 400;
                send(
                        exchange,
                        status,
                        error(status == 401 ? "authentication_error" : "invalid_request_error", problem));
                return;
            }
            send(exchange, 200, answer(request));
        }
    }

    private synchronized ObjectNode answer(JsonNode request) {
        requests.add(request);
        FakeReply reply = replies.isEmpty() ? fallback.apply(request) : replies.poll();
        String model = request.path("model").asText();
        PromptCacheSimulator.Billing billing = cache.bill(model, FakeAnthropicChecks.canonicalBlocks(request));
        Usage usage = new Usage(
                billing.input(),
                billing.cacheRead(),
                billing.cacheWrite(),
                PromptCacheSimulator.tokens(reply.content().toString()));
        billed.add(usage);
        ObjectNode answer = MAPPER.createObjectNode()
                .put("id", "msg_fake_" + requests.size())
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        answer.set("content", reply.content());
        answer.put("stop_reason", reply.stopReason()).putNull("stop_sequence");
        answer.putObject("usage")
                .put("input_tokens", usage.inputTokens())
                .put("cache_creation_input_tokens", usage.cacheWriteTokens())
                .put("cache_read_input_tokens", usage.cacheReadTokens())
                .put("output_tokens", Math.max(1, usage.outputTokens()));
        return answer;
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return body;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A scripted assistant answer: text, tool calls, or both. */
    public record FakeReply(ArrayNode content) {
        public static FakeReply text(String text) {
            ArrayNode content = MAPPER.createArrayNode();
            content.addObject().put("type", "text").put("text", text);
            return new FakeReply(content);
        }

        /** @param inputJson the tool's arguments as a JSON object */
        public static FakeReply toolUse(String id, String name, String inputJson) {
            return new FakeReply(MAPPER.createArrayNode()).andToolUse(id, name, inputJson);
        }

        public FakeReply andToolUse(String id, String name, String inputJson) {
            ArrayNode more = content.deepCopy();
            ObjectNode block =
                    more.addObject().put("type", "tool_use").put("id", id).put("name", name);
            try {
                block.set("input", MAPPER.readTree(inputJson));
            } catch (IOException e) {
                throw new IllegalArgumentException("tool input must be JSON: " + inputJson, e);
            }
            return new FakeReply(more);
        }

        String stopReason() {
            for (JsonNode block : content) {
                if ("tool_use".equals(block.path("type").asText())) {
                    return "tool_use";
                }
            }
            return "end_turn";
        }
    }
}
