package dev.kindred.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A local HTTP server that answers with scripted responses, in order, and records what it was
 * sent. Tests script exactly the JSON a vendor documents.
 */
public final class StubHttpServer implements AutoCloseable {
    /** A scripted answer; {@code cutAfter} >= 0 sends only that many body bytes, then drops the connection. */
    public record Reply(int status, String body, Map<String, String> headers, int cutAfter, Duration delay) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("content-type", "application/json"), -1, Duration.ZERO);
        }

        public Reply after(Duration wait) {
            return new Reply(status, body, headers, cutAfter, wait);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, cutAfter, delay);
        }

        public static Reply cutMidBody(String body, int bytes) {
            return new Reply(200, body, Map.of("content-type", "application/json"), bytes, Duration.ZERO);
        }
    }

    /** What the server received. */
    public record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse("");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();

    private StubHttpServer(HttpServer server) {
        this.server = server;
    }

    public static StubHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StubHttpServer stub = new StubHttpServer(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public Endpoint endpoint(String provider, String basePath, String apiKey) {
        return new Endpoint(
                provider, uri(basePath), apiKey, provider.toUpperCase() + "_API_KEY", Duration.ofSeconds(5));
    }

    public synchronized StubHttpServer enqueue(Reply reply) {
        replies.add(reply);
        return this;
    }

    public StubHttpServer enqueueJson(int status, String body) {
        return enqueue(Reply.json(status, body));
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastRequest() {
        List<Received> all = received();
        return all.get(all.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? MAPPER.nullNode() : MAPPER.readTree(bytes);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            reply = replies.isEmpty()
                    ? Reply.json(500, "{\"error\":{\"message\":\"no reply scripted\"}}")
                    : replies.poll();
        }
        pause(reply.delay());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        if (reply.cutAfter() >= 0) {
            out.write(body, 0, reply.cutAfter());
            out.flush();
            // A handler that throws makes the JDK server drop the connection mid-body.
            throw new IOException("connection cut by the test");
        }
        out.write(body);
        exchange.close();
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
