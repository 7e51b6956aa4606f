package dev.kindred.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code kindred.yaml} into {@link KindredConfig}. Every key can be overridden by an environment
 * variable named {@code KINDRED_} plus the key path in upper case with dots and dashes as underscores
 * ({@code mongodb.uri} is {@code KINDRED_MONGODB_URI}). Any problem names the key.
 */
public final class ConfigLoader {
    private final ObjectMapper yaml;
    private final EnvironmentOverrides overrides;

    public ConfigLoader(Map<String, String> environment) {
        this.yaml = mapper();
        this.overrides = new EnvironmentOverrides(environment);
    }

    public KindredConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file.toAbsolutePath()
                    + " not found: run from the project folder or set KINDRED_CONFIG to its path");
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public KindredConfig parse(String text) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException(
                    "config is empty: expected the sections mongodb, discord, models, agents, sleeptime, privacy");
        }
        overrides.apply(tree);
        try {
            return yaml.treeToValue(tree, KindredConfig.class);
        } catch (JsonMappingException e) {
            throw explain(e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static ConfigException explain(JsonMappingException e) {
        String key = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigException cause) {
            return cause.getMessage().startsWith("config key")
                    ? cause
                    : ConfigException.forKey(key, cause.getMessage());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream()
                    .map(Object::toString)
                    .sorted()
                    .collect(Collectors.joining(", "));
            return ConfigException.forKey(key, "unknown key; expected one of: " + known);
        }
        String detail = e.getOriginalMessage();
        if (detail.contains("Missing creator property") || detail.contains("Null value for creator property")) {
            return ConfigException.forKey(key, "is missing");
        }
        return ConfigException.forKey(key, "has the wrong type or format (" + firstLine(detail) + ")");
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static ObjectMapper mapper() {
        SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer());
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .registerModule(durations)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return Durations.parse(parser.getValueAsString(""));
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(parser, e.getMessage(), e);
            }
        }
    }
}
