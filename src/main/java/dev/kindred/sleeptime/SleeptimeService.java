package dev.kindred.sleeptime;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentStore;
import dev.kindred.memory.SleeptimeSettings;
import dev.kindred.memory.UserInputException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code /sleeptime} asks of sleeptime: a status report, and a run now. */
public final class SleeptimeService implements SleeptimeControl {
    private static final int RECENT_JOBS = 20;

    private final AgentStore agents;
    private final SleeptimeJobStore jobs;
    private final SleeptimeTrigger trigger;
    private final Clock clock;

    public SleeptimeService(AgentStore agents, SleeptimeJobStore jobs, SleeptimeTrigger trigger, Clock clock) {
        this.agents = agents;
        this.jobs = jobs;
        this.trigger = trigger;
        this.clock = clock;
    }

    @Override
    public String status(String agentId) {
        Agent agent = agent(agentId);
        SleeptimeSettings settings = agent.sleeptime();
        List<SleeptimeJob> recent = jobs.recent(agentId, RECENT_JOBS);
        StringBuilder out = new StringBuilder();
        out.append("sleeptime: ").append(settings.enabled() ? "on" : "off");
        out.append(", every ").append(settings.frequency()).append(" user messages per channel");
        out.append(", model ")
                .append(Optional.ofNullable(settings.model()).orElse(agent.model() + " (the agent's own)"))
                .append('\n');
        SleeptimeStatus.lastRun(recent, agent.timezone())
                .ifPresent(line -> out.append(line).append('\n'));
        SleeptimeStatus.queued(recent, clock.instant())
                .ifPresent(line -> out.append(line).append('\n'));
        Map<String, Long> counters = jobs.counters(agentId);
        if (settings.enabled()) {
            counters.forEach((channel, count) -> out.append("next run in ")
                    .append(channel)
                    .append(": after ")
                    .append(Math.max(1, settings.frequency() - count))
                    .append(" more messages\n"));
        }
        SleeptimeStatus.failures(recent, agent.timezone())
                .forEach(line -> out.append(line).append('\n'));
        return out.toString().strip();
    }

    @Override
    public void runNow(String agentId, String channelId) {
        agent(agentId);
        long counted = jobs.counters(agentId).getOrDefault(channelId, 0L);
        if (trigger.queue(agentId, channelId, counted).isEmpty()) {
            throw new UserInputException("nothing new to consolidate in " + channelId + " since the last run");
        }
    }

    /** Changes the agent's sleeptime settings (on/off, frequency, model). */
    public SleeptimeSettings update(String agentId, java.util.function.UnaryOperator<SleeptimeSettings> change) {
        return agents.update(agentId, a -> a.withSleeptime(change.apply(a.sleeptime())))
                .sleeptime();
    }

    private Agent agent(String agentId) {
        return agents.get(agentId).orElseThrow(() -> new UserInputException("no agent " + agentId));
    }
}
