package dev.kindred.sleeptime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real job store, except that the process "dies" right after the first tool call applied its
 * edit and before the run could record it: the narrowest crash window a resumed run must survive.
 */
final class DyingJobStore implements SleeptimeJobStore {
    private final SleeptimeJobStore real;
    private boolean died;

    DyingJobStore(SleeptimeJobStore real) {
        this.real = real;
    }

    @Override
    public void logApplied(SleeptimeJob job, String owner, SleeptimeJob.Applied applied) {
        if (!died) {
            died = true;
            throw new Killed();
        }
        real.logApplied(job, owner, applied);
    }

    @Override
    public long countMessages(String agentId, String channelId, int userMessages) {
        return real.countMessages(agentId, channelId, userMessages);
    }

    @Override
    public void consumeMessages(String agentId, String channelId, long messages) {
        real.consumeMessages(agentId, channelId, messages);
    }

    @Override
    public Map<String, Long> counters(String agentId) {
        return real.counters(agentId);
    }

    @Override
    public Optional<SleeptimeJob> latest(String agentId, String channelId) {
        return real.latest(agentId, channelId);
    }

    @Override
    public boolean insert(SleeptimeJob job) {
        return real.insert(job);
    }

    @Override
    public Optional<SleeptimeJob> claim(String owner, Instant now, Duration lease) {
        return real.claim(owner, now, lease);
    }

    @Override
    public boolean renew(SleeptimeJob job, String owner, Instant until) {
        return real.renew(job, owner, until);
    }

    @Override
    public void logStep(SleeptimeJob job, String owner, SleeptimeJob.Step step) {
        real.logStep(job, owner, step);
    }

    @Override
    public void logIntent(SleeptimeJob job, String owner, SleeptimeJob.Intent intent) {
        real.logIntent(job, owner, intent);
    }

    @Override
    public void finish(SleeptimeJob job, String owner, Instant at) {
        real.finish(job, owner, at);
    }

    @Override
    public void retryLater(SleeptimeJob job, String owner, String reason, Instant notBefore) {
        real.retryLater(job, owner, reason, notBefore);
    }

    @Override
    public void fail(SleeptimeJob job, String owner, String reason, Instant at) {
        real.fail(job, owner, reason, at);
    }

    @Override
    public void release(SleeptimeJob job, String owner) {
        real.release(job, owner);
    }

    @Override
    public Optional<SleeptimeJob> get(String jobId) {
        return real.get(jobId);
    }

    @Override
    public List<SleeptimeJob> recent(String agentId, int limit) {
        return real.recent(agentId, limit);
    }
}
