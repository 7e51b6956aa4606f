package dev.kindred.sleeptime;

import dev.kindred.agent.TurnListener;
import dev.kindred.memory.Agent;
import dev.kindred.memory.MessageStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts user messages per agent and channel (in the store, so a restart keeps the counts) and queues
 * a job every {@code frequency} messages. A job starts right after the previous job of its channel
 * and ends at the agent's last message, so consecutive jobs cover the channel without gap or overlap.
 */
public final class SleeptimeTrigger implements TurnListener {
    private static final Logger LOG = LoggerFactory.getLogger(SleeptimeTrigger.class);

    private final SleeptimeJobStore jobs;
    private final MessageStore messages;
    private final Clock clock;
    private final Runnable onQueued;

    /** @param onQueued told after a job was stored (the runner wakes up instead of waiting for its poll) */
    public SleeptimeTrigger(SleeptimeJobStore jobs, MessageStore messages, Clock clock, Runnable onQueued) {
        this.jobs = jobs;
        this.messages = messages;
        this.clock = clock;
        this.onQueued = onQueued;
    }

    @Override
    public void turnCompleted(Agent agent, String channelId, int userMessages) {
        if (!agent.sleeptime().enabled() || userMessages <= 0) {
            return;
        }
        try {
            long counted = jobs.countMessages(agent.id(), channelId, userMessages);
            if (counted >= agent.sleeptime().frequency()) {
                queue(agent.id(), channelId, counted);
            }
        } catch (RuntimeException e) {
            // The reply has been given; a missed count only delays consolidation.
            LOG.warn("sleeptime trigger for agent {} channel {} failed", agent.id(), channelId, e);
        }
    }

    /**
     * Queues a job over everything of the channel not yet covered by a job; empty when there is
     * nothing new or someone else queued the same job first.
     */
    public Optional<SleeptimeJob> queue(String agentId, String channelId, long counted) {
        long from = jobs.latest(agentId, channelId).map(j -> j.toSeq() + 1).orElse(1L);
        long to = messages.lastSeq(agentId);
        if (to < from) {
            return Optional.empty();
        }
        SleeptimeJob job = SleeptimeJob.queued(agentId, channelId, from, to, clock.instant());
        if (!jobs.insert(job)) {
            return Optional.empty();
        }
        jobs.consumeMessages(agentId, channelId, counted);
        onQueued.run();
        return Optional.of(job);
    }
}
