package dev.kindred.agentfile;

import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.ProviderConfig;
import dev.kindred.model.ModelRef;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured models as an import sees them: a Letta {@code llm_config} is matched to a
 * configured {@code provider/model}, and anything unmatched runs on {@code defaultModel}.
 *
 * @param defaultModel the model new agents get ({@code provider/model}), already resolved
 */
public record ModelCatalog(ModelsConfig config, String defaultModel) {
    private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2}|latest)$");

    public ModelCatalog {
        ModelRef.parse(defaultModel);
    }

    /** Whether {@code ref} names a model of a configured provider. */
    public boolean isConfigured(String ref) {
        try {
            ModelRef parsed = ModelRef.parse(ref);
            ProviderConfig provider = config.providers().get(parsed.provider());
            return provider != null && provider.models().containsKey(parsed.model());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The configured model for Letta's {@code model_endpoint_type} and {@code model}: a provider named
     * like the endpoint type, or of that wire type, that lists the model (a dated snapshot such as
     * {@code claude-sonnet-4-5-20250929} also matches {@code claude-sonnet-4-5}).
     */
    public Optional<String> match(String endpointType, String model) {
        String type = kindredType(endpointType);
        String undated = DATE_SUFFIX.matcher(model).replaceFirst("");
        for (Map.Entry<String, ProviderConfig> entry : config.providers().entrySet()) {
            boolean sameProvider = entry.getKey().equalsIgnoreCase(type)
                    || entry.getKey().equalsIgnoreCase(endpointType)
                    || entry.getValue().type().equals(type);
            if (!sameProvider) {
                continue;
            }
            Map<String, ModelPrice> models = entry.getValue().models();
            if (models.containsKey(model)) {
                return Optional.of(entry.getKey() + "/" + model);
            }
            if (models.containsKey(undated)) {
                return Optional.of(entry.getKey() + "/" + undated);
            }
        }
        return Optional.empty();
    }

    /** Letta's endpoint type for a Kindred model, for export: the provider's wire type, gemini as google_ai. */
    public String lettaEndpointType(String ref) {
        ModelRef parsed = ModelRef.parse(ref);
        ProviderConfig provider = config.providers().get(parsed.provider());
        String type = provider == null ? parsed.provider() : provider.type();
        return type.equals("gemini") ? "google_ai" : type;
    }

    /** The provider's base URL, or empty when the provider is not configured. */
    public String endpoint(String ref) {
        ProviderConfig provider = config.providers().get(ModelRef.parse(ref).provider());
        return provider == null ? "" : provider.baseUrl();
    }

    /** The model's context window in tokens, from the configuration (32,000 when unknown). */
    public int contextWindow(String ref) {
        ModelRef parsed = ModelRef.parse(ref);
        ProviderConfig provider = config.providers().get(parsed.provider());
        ModelPrice price = provider == null ? null : provider.models().get(parsed.model());
        return price == null ? 32_000 : price.contextWindow();
    }

    private static String kindredType(String endpointType) {
        String type = endpointType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "google_ai", "google_vertex", "google" -> "gemini";
            case "azure" -> "openai";
            default -> type;
        };
    }
}
