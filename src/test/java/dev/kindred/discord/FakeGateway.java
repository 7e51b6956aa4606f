package dev.kindred.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The gateway half of the fake Discord: HELLO on connect, READY and one GUILD_CREATE per guild after
 * IDENTIFY, heartbeat ACKs, and dispatches the test sends.
 */
final class FakeGateway extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Map<String, Object>> ready;
    private final Supplier<List<Map<String, Object>>> guilds;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch identified = new CountDownLatch(1);
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile WebSocket session;

    FakeGateway(Supplier<Map<String, Object>> ready, Supplier<List<Map<String, Object>>> guilds) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.ready = ready;
        this.guilds = guilds;
        setReuseAddr(true);
    }

    void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake gateway did not start");
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        session = conn;
        send(conn, Map.of("op", 10, "d", Map.of("heartbeat_interval", 41_250)));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        try {
            JsonNode frame = JSON.readTree(message);
            switch (frame.path("op").asInt()) {
                case 1 -> send(conn, Map.of("op", 11));
                case 2 -> {
                    dispatch("READY", ready.get());
                    guilds.get().forEach(g -> dispatch("GUILD_CREATE", g));
                    identified.countDown();
                }
                default -> {}
            }
        } catch (Exception e) {
            throw new IllegalStateException("bad frame from JDA: " + message, e);
        }
    }

    void dispatch(String type, Map<String, Object> data) {
        WebSocket conn = session;
        if (conn == null) {
            throw new IllegalStateException("JDA is not connected");
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("op", 0);
        frame.put("t", type);
        frame.put("s", sequence.incrementAndGet());
        frame.put("d", data);
        send(conn, frame);
    }

    private static void send(WebSocket conn, Map<String, Object> frame) {
        try {
            conn.send(JSON.writeValueAsString(frame));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (conn == session) {
            session = null;
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }
}
