package dev.kindred.privacy;

import dev.kindred.config.PrivacyConfig;
import java.time.Clock;
import java.time.Duration;

/** The privacy service's time source, how long a left server's data is kept, and its step hook. */
public record PrivacySettings(Clock clock, Duration guildGracePeriod, ErasureHook hook) {
    public static PrivacySettings of(PrivacyConfig config, Clock clock) {
        return new PrivacySettings(clock, config.guildGracePeriod(), ErasureHook.NONE);
    }
}
