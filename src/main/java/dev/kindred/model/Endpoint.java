package dev.kindred.model;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach one configured provider. {@code apiKey} is empty for endpoints without a
 * key (a local Ollama); {@code apiKeyEnv} names the variable it came from, for error messages.
 */
public record Endpoint(String provider, URI baseUrl, String apiKey, String apiKeyEnv, Duration timeout) {

    /** The base URL joined with a path that starts with a slash. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(trimmed + path);
    }

    public boolean hasKey() {
        return !apiKey.isEmpty();
    }

    /** The text with every occurrence of the API key replaced, for messages and logs. */
    public String redact(String text) {
        return apiKey.length() < 4 ? text : text.replace(apiKey, "[redacted]");
    }

    @Override
    public String toString() {
        return "Endpoint[" + provider + " " + baseUrl + (hasKey() ? " key=[redacted]" : " no key") + "]";
    }
}
