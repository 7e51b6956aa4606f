package dev.kindred.model;

import java.net.URI;
import java.util.Map;

/** One HTTP call to a provider: the endpoint, the model asked for, the URL and the headers. */
public record ProviderCall(Endpoint endpoint, String model, URI uri, Map<String, String> headers) {
    public ProviderCall {
        headers = Map.copyOf(headers);
    }

    public String provider() {
        return endpoint.provider();
    }

    /** Leaves the headers out: they carry the API key. */
    @Override
    public String toString() {
        return "ProviderCall[" + endpoint.provider() + " " + model + " " + uri + "]";
    }
}
