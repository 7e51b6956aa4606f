package dev.kindred.config;

import java.util.List;

/**
 * The Discord front end. The token itself only ever comes from the environment variable named by
 * {@code tokenEnv}. {@code restUrl}/{@code gatewayUrl} point JDA elsewhere (a proxy, or a test fake).
 */
public record DiscordConfig(
        String tokenEnv,
        String restUrl,
        String gatewayUrl,
        String adminRole,
        List<String> allowedGuilds,
        List<String> allowedUsers,
        int messagesPerMinute,
        long dailyTokenBudget) {
    public DiscordConfig {
        Require.notBlank("discord.token-env", tokenEnv);
        allowedGuilds = List.copyOf(allowedGuilds);
        allowedUsers = List.copyOf(allowedUsers);
        Require.between("discord.messages-per-minute", messagesPerMinute, 1, 10_000);
        if (dailyTokenBudget < 0) {
            throw ConfigException.forKey("discord.daily-token-budget", "expected 0 (no budget) or a positive number");
        }
    }
}
