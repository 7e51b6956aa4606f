package dev.kindred.sleeptime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real job store, except that the process "dies" around the first tool call: right after it
 * applied its edit and before the run could record it (the narrowest crash window a resumed run must
 * survive), or right after its intent was logged, before the edit.
 */
final class DyingJobStore implements SleeptimeJobStore {
    private final SleeptimeJobStore real;
    private final boolean beforeTheEdit;
    private boolean died;

    private DyingJobStore(SleeptimeJobStore real, boolean beforeTheEdit) {
        this.real = real;
        this.beforeTheEdit = beforeTheEdit;
    }

    static DyingJobStore afterTheEdit(SleeptimeJobStore real) {
        return new DyingJobStore(real, false);
    }

    static DyingJobStore beforeTheEdit(SleeptimeJobStore real) {
        return new DyingJobStore(real, true);
    }

    private void dieOnce() {
        if (!died) {
            died = true;
            throw new Killed();
        }
    }

    @Override
    public void logApplied(SleeptimeJob job, String owner, SleeptimeJob.Applied applied) {
        if (!beforeTheEdit) {
            dieOnce();
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
        if (beforeTheEdit) {
            dieOnce();
        }
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
