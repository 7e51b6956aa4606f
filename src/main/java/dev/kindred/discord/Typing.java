package dev.kindred.discord;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/** Shows "typing..." in a channel until stopped; Discord drops the indicator after about 10 s. */
final class Typing {
    static final long RESEND_SECONDS = 8;

    private Typing() {}

    /** @return stops the indicator */
    static Runnable start(MessageChannel channel, ScheduledExecutorService timer) {
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(
                () -> channel.sendTyping().queue(null, e -> {}), 0, RESEND_SECONDS, TimeUnit.SECONDS);
        return () -> task.cancel(false);
    }
}
