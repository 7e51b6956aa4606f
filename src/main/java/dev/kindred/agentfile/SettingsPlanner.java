package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.config.AgentDefaults;
import dev.kindred.memory.Agent;
import dev.kindred.memory.SleeptimeSettings;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An agent's own fields: the model (a configured match for Letta's {@code llm_config}, else the
 * default), instructions, time zone and sleeptime. A Kindred export's exact settings win.
 */
final class SettingsPlanner {
    private final ModelCatalog models;
    private final AgentDefaults defaults;
    private final FileIndex index;
    private final List<String> notices;

    SettingsPlanner(ModelCatalog models, AgentDefaults defaults, FileIndex index, List<String> notices) {
        this.models = models;
        this.defaults = defaults;
        this.index = index;
        this.notices = notices;
    }

    AgentPlan.Settings plan(
            JsonNode agent, String name, Optional<SleeptimeGroups.Group> group, @Nullable KindredExtras extras) {
        String where = "agent '" + name + "'";
        String fallback = extras == null ? null : extras.fallbackModel();
        return new AgentPlan.Settings(
                name,
                model(agent, where, name, extras),
                fallback != null && models.isConfigured(fallback) ? fallback : null,
                instructions(agent, where, name, extras),
                timezone(agent, where, name, extras),
                sleeptime(agent, where, name, group, extras));
    }

    private String model(JsonNode agent, String where, String name, @Nullable KindredExtras extras) {
        String kindred = extras == null ? null : extras.model();
        if (kindred != null && models.isConfigured(kindred)) {
            return kindred;
        }
        Optional<String> matched = lettaModel(agent, where);
        if (matched.isPresent()) {
            return matched.get();
        }
        String wanted = kindred != null ? kindred : describe(agent, where);
        notices.add(name + ": model " + wanted + " is not configured here; it runs on " + models.defaultModel() + ".");
        return models.defaultModel();
    }

    private Optional<String> lettaModel(JsonNode agent, String where) {
        JsonNode llm = Json.optObject(agent, "llm_config", where);
        if (llm == null) {
            return Optional.empty();
        }
        String model = Json.optText(llm, "model", where + ".llm_config");
        String type = Json.optText(llm, "model_endpoint_type", where + ".llm_config", "");
        return model == null ? Optional.empty() : models.match(type, model);
    }

    private static String describe(JsonNode agent, String where) {
        JsonNode llm = Json.optObject(agent, "llm_config", where);
        if (llm == null) {
            return "(none given)";
        }
        return Json.optText(llm, "model_endpoint_type", where + ".llm_config", "?") + "/"
                + Json.optText(llm, "model", where + ".llm_config", "?");
    }

    private String instructions(JsonNode agent, String where, String name, @Nullable KindredExtras extras) {
        String kindred = extras == null ? null : extras.instructions();
        if (kindred != null) {
            return kindred.length() > Agent.MAX_INSTRUCTIONS ? kindred.substring(0, Agent.MAX_INSTRUCTIONS) : kindred;
        }
        return SystemPrompt.instructions(
                Json.optText(agent, "system", where, ""), defaults.instructions(), name, notices);
    }

    private String timezone(JsonNode agent, String where, String name, @Nullable KindredExtras extras) {
        String kindred = extras == null ? null : extras.timezone();
        String zone = kindred != null ? kindred : Json.optText(agent, "timezone", where, defaults.timezone());
        try {
            ZoneId.of(zone);
            return zone;
        } catch (DateTimeException e) {
            notices.add(name + ": time zone '" + zone + "' is unknown; " + defaults.timezone() + " applies.");
            return defaults.timezone();
        }
    }

    private SleeptimeSettings sleeptime(
            JsonNode agent,
            String where,
            String name,
            Optional<SleeptimeGroups.Group> group,
            @Nullable KindredExtras extras) {
        Optional<SleeptimeSettings> kindred = extras == null ? Optional.empty() : extras.sleeptime();
        if (kindred.isPresent()) {
            return kindred.get();
        }
        if (group.isPresent()) {
            int frequency = group.get().frequency();
            notices.add(
                    name + ": its Letta sleeptime agent became Kindred's sleeptime, every " + frequency + " messages.");
            return new SleeptimeSettings(true, frequency, sleeptimeModel(group.get()));
        }
        boolean enabled = Json.optBool(agent, "enable_sleeptime", where, false);
        return new SleeptimeSettings(enabled, SleeptimeSettings.DEFAULT_FREQUENCY, null);
    }

    private @Nullable String sleeptimeModel(SleeptimeGroups.Group group) {
        for (String id : group.sleeptimeAgentIds()) {
            Optional<String> model = lettaModel(index.agent(id, "group"), "agent '" + id + "'");
            if (model.isPresent()) {
                return model.get();
            }
        }
        return null;
    }
}
