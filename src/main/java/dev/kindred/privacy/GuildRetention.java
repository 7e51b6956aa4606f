package dev.kindred.privacy;

import dev.kindred.agent.AgentServices;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Binding;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's data outlives the bot's presence there by a grace period (so an accidental kick loses
 * nothing), then the sweep erases it: every server agent of that guild with everything it keeps. The
 * departure stays recorded until the erasure has finished, so a sweep cut short is done again.
 */
final class GuildRetention {
    private static final Logger LOG = LoggerFactory.getLogger(GuildRetention.class);

    private final AgentServices services;
    private final AgentEraser eraser;
    private final GuildDepartures departures;
    private final Duration gracePeriod;

    GuildRetention(AgentServices services, AgentEraser eraser, GuildDepartures departures, Duration gracePeriod) {
        this.services = services;
        this.eraser = eraser;
        this.departures = departures;
        this.gracePeriod = gracePeriod;
    }

    void left(String guildId, Instant at) {
        departures.left(guildId, at);
        services.checkpoint().commit();
    }

    /** Records a departure for each server with agents that is not among those the bot is in. */
    void leftWhileAway(Set<String> present, Instant at) {
        services.agents().guildsWithAgents().stream()
                .filter(guildId -> !present.contains(guildId))
                .forEach(guildId -> departures.left(guildId, at));
        services.checkpoint().commit();
    }

    void joined(String guildId) {
        departures.clear(guildId);
        services.checkpoint().commit();
    }

    /** Erases every server left longer ago than the grace period; returns what was erased. */
    ErasureCounts sweep(Instant now) {
        ErasureCounts counts = ErasureCounts.NONE;
        for (String guildId : departures.leftBefore(now.minus(gracePeriod))) {
            counts = counts.plus(purge(guildId));
        }
        return counts;
    }

    ErasureCounts purge(String guildId) {
        Set<String> agentIds = services.agents().list(AgentScope.guild(guildId)).stream()
                .map(Agent::id)
                .collect(Collectors.toSet());
        ErasureCounts counts = ErasureCounts.NONE;
        for (String agentId : agentIds) {
            counts = counts.plus(eraser.erase(agentId, agentIds));
        }
        for (Binding binding : services.bindings().forGuild(guildId)) {
            services.bindings().unbind(binding.scopeKey());
        }
        departures.clear(guildId);
        services.checkpoint().commit();
        LOG.info("erased the data of server {}: {}", guildId, counts.render());
        return counts;
    }
}
