package dev.kindred.privacy;

import java.time.Instant;
import java.util.List;

/** When the bot left a server, kept until the server's data is erased or the bot comes back. */
public interface GuildDepartures {
    /** Records the departure; a departure already recorded keeps its (earlier) time. */
    void left(String guildId, Instant at);

    /** Forgets the departure: the bot is back, or the server's data is erased. */
    void clear(String guildId);

    /** The servers left strictly before {@code cutoff}. */
    List<String> leftBefore(Instant cutoff);
}
