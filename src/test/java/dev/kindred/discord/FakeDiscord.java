package dev.kindred.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local fake of Discord for real JDA: a JDK HttpServer for REST under {@code /api/v10/} that records
 * every request and answers like Discord does, and a WebSocket gateway ({@link FakeGateway}).
 * The world it serves is {@link FakeWorld}.
 */
final class FakeDiscord implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages(/\\d+)?");
    private static final Pattern WEBHOOK = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)(/messages/.*)?");

    /** One REST call JDA made. */
    record Request(String method, String path, String body, Instant at) {
        /** For a modal callback: the label of its first field, as Discord would show it. */
        String firstFieldLabel() {
            return json().path("data").path("components").path(0).path("label").asText();
        }

        JsonNode json() {
            try {
                if (body.startsWith("--")) {
                    int start = body.indexOf('{');
                    int end = body.lastIndexOf('}');
                    return JSON.readTree(body.substring(start, end + 1));
                }
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String content() {
            JsonNode json = json();
            return json.has("data")
                    ? json.path("data").path("content").asText()
                    : json.path("content").asText();
        }
    }

    final FakeWorld world = new FakeWorld();
    private final HttpServer http;
    private final FakeGateway gateway;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> files = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> heldFiles = new ConcurrentHashMap<>();
    private final Set<String> closedDms = ConcurrentHashMap.newKeySet();
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final AtomicLong ids = new AtomicLong();

    FakeDiscord() throws IOException, InterruptedException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/v10/", this::handle);
        http.setExecutor(Executors.newCachedThreadPool());
        http.start();
        gateway = new FakeGateway(world::ready, world::guildCreates);
        gateway.startAndWait();
    }

    String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return gateway.url();
    }

    /** A fresh snowflake of the current time: JDA reads an interaction's age from its id. */
    /** Serves {@code text} as an uploaded file; returns its URL. */
    String file(String name, String text) {
        String path = "/api/v10/files/" + nextId() + "/" + name;
        files.put(path, text);
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    /** Serves {@code text} as an uploaded file whose download only completes once {@code release} opens. */
    String heldFile(String name, String text, CountDownLatch release) {
        String url = file(name, text);
        heldFiles.put(url.substring(url.indexOf("/api/v10/")), release);
        return url;
    }

    /** From now on a message to this DM channel is refused, as Discord does when someone closed their DMs. */
    void closeDms(String dmChannel) {
        closedDms.add(dmChannel);
    }

    String nextId() {
        long millis = System.currentTimeMillis() - DISCORD_EPOCH;
        return String.valueOf((millis << 22) | (ids.incrementAndGet() & 0x3FFFFF));
    }

    void dispatch(String type, Map<String, Object> data) {
        gateway.dispatch(type, data);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String pathPart) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().contains(pathPart))
                .toList();
    }

    /** Waits for a request matching all of it, up to 10 seconds. */
    Request await(String method, String pathPart, Predicate<Request> matches) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Optional<Request> found =
                    requests(method, pathPart).stream().filter(matches).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep(20);
        }
        throw new AssertionError("no " + method + " " + pathPart + " matching within 10 s; got: " + summary());
    }

    /** Waits until {@code count} requests match, then returns them in order. */
    List<Request> awaitCount(String method, String pathPart, Predicate<Request> matches, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<Request> found =
                    requests(method, pathPart).stream().filter(matches).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep(20);
        }
        throw new AssertionError(
                "fewer than " + count + " " + method + " " + pathPart + " within 10 s; got: " + summary());
    }

    String summary() {
        List<String> lines = new ArrayList<>();
        for (Request r : requests) {
            lines.add(r.method() + " " + r.path() + " " + abbreviate(r.body()));
        }
        return String.join("\n", lines);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(method, exchange.getRequestURI().toString(), body, Instant.now()));
        try {
            route(exchange, method, path, body);
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"message\":\"" + e + "\",\"code\":0}");
        }
    }

    private void awaitRelease(String filePath) {
        CountDownLatch release = heldFiles.get(filePath);
        try {
            if (release != null && !release.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a held file was never released: " + filePath);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange, String method, String path, String body) throws IOException {
        Matcher messages = CHANNEL_MESSAGES.matcher(path);
        Matcher webhook = WEBHOOK.matcher(path);
        if (path.startsWith("/api/v10/files/") && files.containsKey(path)) {
            awaitRelease(path);
            respond(exchange, 200, files.get(path));
        } else if (path.equals("/api/v10/users/@me/channels") && method.equals("POST")) {
            String recipient = JSON.readTree(body).path("recipient_id").asText();
            respond(exchange, 200, JSON.writeValueAsString(world.openedDm(recipient)));
        } else if (path.equals("/api/v10/users/@me")) {
            respond(exchange, 200, JSON.writeValueAsString(world.botUser()));
        } else if (path.endsWith("/typing") || path.contains("/callback")) {
            respond(exchange, 204, "");
        } else if (messages.matches() && closedDms.contains(messages.group(1))) {
            respond(exchange, 403, "{\"message\":\"Cannot send messages to this user\",\"code\":50007}");
        } else if (messages.matches()) {
            String channelId = messages.group(1);
            respond(exchange, 200, JSON.writeValueAsString(world.sentMessage(nextId(), channelId, body)));
        } else if (webhook.matches()) {
            respond(exchange, 200, JSON.writeValueAsString(world.followUp(nextId(), body)));
        } else if (path.matches("/api/v10/applications/\\d+/commands") && method.equals("PUT")) {
            respond(exchange, 200, "[]");
        } else {
            respond(exchange, 404, "{\"message\":\"Unknown route " + path + "\",\"code\":0}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        try {
            gateway.stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
    }
}
