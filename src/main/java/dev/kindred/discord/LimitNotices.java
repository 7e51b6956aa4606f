package dev.kindred.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a person that a limit stopped their message. In a server the notice goes by DM, so nobody is
 * told off in front of the channel and the conversation is not cluttered; if their DMs are closed they
 * are not told at all. In a DM it is a reply. A flood of refused messages gets one notice a minute,
 * so the notices do not become a flood of their own.
 */
final class LimitNotices {
    private static final Logger LOG = LoggerFactory.getLogger(LimitNotices.class);
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Instant> lastTold = new HashMap<>();

    LimitNotices(Clock clock) {
        this.clock = clock;
    }

    void tell(MessageReceivedEvent event, String text) {
        User author = event.getAuthor();
        if (!due(author.getId())) {
            return;
        }
        if (event.isFromGuild()) {
            author.openPrivateChannel()
                    .flatMap(dm -> dm.sendMessage(text))
                    .queue(null, e -> LOG.debug("could not DM a limit notice to {}; DMs closed?", author.getId(), e));
        } else {
            event.getMessage().reply(text).mentionRepliedUser(false).queue();
        }
    }

    /** Whether the person may be told now; forgets those told over a minute ago, so the map stays small. */
    synchronized boolean due(String userId) {
        Instant now = clock.instant();
        lastTold.values().removeIf(told -> !told.isAfter(now.minus(QUIET)));
        return lastTold.putIfAbsent(userId, now) == null;
    }
}
