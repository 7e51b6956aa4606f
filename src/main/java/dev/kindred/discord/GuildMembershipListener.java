package dev.kindred.discord;

import dev.kindred.privacy.PrivacyService;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Tells the privacy service when the bot leaves a server (its data is erased after the grace period)
 * and when it is in one again, at start-up or by a new invitation (the erasure is called off).
 */
final class GuildMembershipListener extends ListenerAdapter {
    private final PrivacyService privacy;
    private final Clock clock;

    GuildMembershipListener(PrivacyService privacy, Clock clock) {
        this.privacy = privacy;
        this.clock = clock;
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        privacy.guildLeft(event.getGuild().getId(), clock.instant());
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        privacy.guildJoined(event.getGuild().getId());
    }

    /** A server that removed the bot while it was offline sends no leave event: compare at start-up. */
    @Override
    public void onReady(ReadyEvent event) {
        Set<String> present = new HashSet<>(event.getJDA().getUnavailableGuilds());
        event.getJDA().getGuildCache().forEach(guild -> present.add(guild.getId()));
        privacy.guildsPresentAtStart(present, clock.instant());
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        privacy.guildJoined(event.getGuild().getId());
    }
}
