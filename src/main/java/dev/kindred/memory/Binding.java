package dev.kindred.memory;

import java.util.Optional;

/**
 * Which agent answers in a place. {@code scopeKey} is {@code channel:<id>} (a bound channel),
 * {@code guild:<id>} (the server's default agent) or {@code dm:<userId>} (the user's active companion).
 */
public record Binding(String scopeKey, String agentId, ListenMode mode, String guildId) {
    private static final String CHANNEL = "channel:";

    public static String channel(String channelId) {
        return CHANNEL + channelId;
    }

    /** The bound channel; empty for a server's default agent or a DM companion. */
    public Optional<String> channelId() {
        return scopeKey.startsWith(CHANNEL) ? Optional.of(scopeKey.substring(CHANNEL.length())) : Optional.empty();
    }

    public static String guild(String guildId) {
        return "guild:" + guildId;
    }

    public static String dm(String userId) {
        return "dm:" + userId;
    }
}
