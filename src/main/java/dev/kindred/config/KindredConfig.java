package dev.kindred.config;

/** The whole configuration, read from {@code config/kindred.yaml} with environment overrides. */
public record KindredConfig(
        MongoConfig mongodb,
        DiscordConfig discord,
        ModelsConfig models,
        AgentDefaults agents,
        SleeptimeConfig sleeptime,
        PrivacyConfig privacy) {}
