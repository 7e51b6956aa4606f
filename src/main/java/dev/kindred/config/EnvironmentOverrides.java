package dev.kindred.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces config values by environment variables: {@code KINDRED_MODELS_DEFAULT_MODEL} overrides
 * {@code models.default-model}. Lists take comma-separated values. Only keys present in the file can
 * be overridden, so a typo in a variable name cannot silently create a key.
 */
final class EnvironmentOverrides {
    private final Map<String, String> environment;

    EnvironmentOverrides(Map<String, String> environment) {
        this.environment = environment;
    }

    void apply(JsonNode root) {
        visit((ObjectNode) root, "KINDRED");
    }

    private void visit(ObjectNode node, String prefix) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            String name = prefix + "_"
                    + field.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
            JsonNode child = node.get(field);
            if (child.isObject()) {
                visit((ObjectNode) child, name);
            } else if (environment.containsKey(name)) {
                node.set(field, child.isArray() ? list(environment.get(name)) : new TextNode(environment.get(name)));
            }
        }
    }

    private static ArrayNode list(String value) {
        ArrayNode array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                array.add(item.trim());
            }
        }
        return array;
    }
}
