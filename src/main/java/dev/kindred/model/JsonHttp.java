package dev.kindred.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts JSON to a provider and returns the JSON answer; every failure goes through {@link HttpErrors}. */
public final class JsonHttp {
    private static final Logger log = LoggerFactory.getLogger(JsonHttp.class);

    private final HttpClient client;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public JsonHttp(HttpClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public static JsonHttp create(Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new JsonHttp(client, clock);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** @throws ModelException with the kind the failure calls for */
    public JsonNode post(ProviderCall call, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(call.endpoint().timeout())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        call.headers().forEach(request::header);
        HttpResponse<String> response = send(call, request.build());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            // The raw answer, for diagnosis; the exception carries the short, user-facing version.
            log.debug("{} answered {}: {}", call, status, call.endpoint().redact(abbreviate(response.body())));
            throw HttpErrors.fromStatus(call, status, response.headers(), response.body(), clock.instant());
        }
        log.debug("{} answered {}", call, status);
        return read(call, response.body());
    }

    private HttpResponse<String> send(ProviderCall call, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw HttpErrors.fromIo(call, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ModelException.retriable("interrupted while waiting for " + call.provider(), null);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }

    private String write(JsonNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private JsonNode read(ProviderCall call, String body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw HttpErrors.malformed(call, "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw HttpErrors.malformed(call, "the answer is not JSON");
        }
    }
}
