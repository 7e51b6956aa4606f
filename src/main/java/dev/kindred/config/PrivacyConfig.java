package dev.kindred.config;

import java.time.Duration;

/** How long a server's data is kept after the bot leaves it before the sweep erases it. */
public record PrivacyConfig(Duration guildGracePeriod) {
    public PrivacyConfig {
        Require.positive("privacy.guild-grace-period", guildGracePeriod);
    }
}
