package dev.kindred.config;

import java.time.Duration;

/** The template a new agent starts from, and the limits of a turn. */
public record AgentDefaults(
        String persona,
        String human,
        String instructions,
        String timezone,
        int blockLimit,
        int maxSteps,
        double contextBudget,
        int maxOutputTokens,
        Duration debounce) {
    public AgentDefaults {
        Require.notBlank("agents.persona", persona);
        Require.between("agents.block-limit", blockLimit, 100, 100_000);
        Require.between("agents.max-steps", maxSteps, 1, 50);
        Require.between("agents.context-budget", contextBudget, 0.1, 0.95);
        Require.between("agents.max-output-tokens", maxOutputTokens, 64, 64_000);
        if (debounce == null || debounce.isNegative()) {
            throw ConfigException.forKey("agents.debounce", "expected a duration such as 1500ms (0ms for none)");
        }
        try {
            java.time.ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            throw ConfigException.forKey(
                    "agents.timezone", "expected a time zone such as UTC or Europe/Berlin, got '" + timezone + "'");
        }
    }
}
