package dev.kindred.memory;

/**
 * Which agent answers in a place. {@code scopeKey} is {@code channel:<id>} (a bound channel),
 * {@code guild:<id>} (the server's default agent) or {@code dm:<userId>} (the user's active companion).
 */
public record Binding(String scopeKey, String agentId, ListenMode mode, String guildId) {
    public static String channel(String channelId) {
        return "channel:" + channelId;
    }

    public static String guild(String guildId) {
        return "guild:" + guildId;
    }

    public static String dm(String userId) {
        return "dm:" + userId;
    }
}
