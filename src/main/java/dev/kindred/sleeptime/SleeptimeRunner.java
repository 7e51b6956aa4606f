package dev.kindred.sleeptime;

import dev.kindred.agent.ReplyGate;
import dev.kindred.agent.Scheduler;
import dev.kindred.config.SleeptimeConfig;
import dev.kindred.memory.Checkpoint;
import dev.kindred.model.ModelException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims sleeptime jobs and runs them on a small pool, off the reply path. A job is claimed under a
 * lease (and its agent under an agent lease, so one run per agent at a time); a failed attempt is
 * retried with exponential backoff up to {@code maxAttempts}, then marked failed with its reason; a
 * job whose runner died is claimed again when its lease expires. Tests call {@link #runOnce()} or
 * {@link #drain()} and move the clock instead of starting the poller.
 */
public final class SleeptimeRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SleeptimeRunner.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    private final SleeptimeJobStore jobs;
    private final SleeptimeRun run;
    private final SleeptimeConfig config;
    private final Clock clock;
    private final Checkpoint checkpoint;
    private final String id = UUID.randomUUID().toString();
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean stopping;
    private volatile Runnable cancelPoll = () -> {};
    private volatile Optional<ExecutorService> workers = Optional.empty();
    private volatile Optional<ReplyGate> gate = Optional.empty();

    public SleeptimeRunner(
            SleeptimeJobStore jobs, SleeptimeRun run, SleeptimeConfig config, Clock clock, Checkpoint checkpoint) {
        this.jobs = jobs;
        this.run = run;
        this.config = config;
        this.clock = clock;
        this.checkpoint = checkpoint;
    }

    /** Claims and runs one due job; false when there was none. */
    public boolean runOnce() {
        if (stopping) {
            return false;
        }
        String owner = id + "#" + claims.incrementAndGet();
        Optional<SleeptimeJob> claimed = jobs.claim(owner, clock.instant(), config.lease());
        claimed.ifPresent(job -> execute(job, owner));
        return claimed.isPresent();
    }

    /** Runs due jobs until none is left; returns how many ran. */
    public int drain() {
        int ran = 0;
        while (runOnce()) {
            ran++;
        }
        return ran;
    }

    /**
     * Polls every {@code every} on {@code scheduler}, running jobs on {@code pool} (sized {@code
     * workers}); a worker claims a job only when {@code replies} is quiet.
     */
    public void start(Scheduler scheduler, ExecutorService pool, Duration every, ReplyGate replies) {
        gate = Optional.of(replies);
        workers = Optional.of(pool);
        schedulePoll(scheduler, every);
    }

    /** Asks the pool to look for jobs now (a job was just queued). */
    public void wake() {
        workers.ifPresent(pool -> {
            while (!stopping && busy.get() < config.workers()) {
                busy.incrementAndGet();
                try {
                    pool.execute(this::drainOnWorker);
                } catch (RejectedExecutionException e) {
                    busy.decrementAndGet();
                    return;
                }
            }
        });
    }

    private void schedulePoll(Scheduler scheduler, Duration every) {
        if (!stopping) {
            cancelPoll = scheduler.schedule(
                    () -> {
                        wake();
                        schedulePoll(scheduler, every);
                    },
                    every);
        }
    }

    private void drainOnWorker() {
        try {
            do {
                gate.ifPresent(replies -> replies.whenQuiet().join());
            } while (runOnce());
        } catch (RuntimeException e) {
            LOG.warn("sleeptime worker failed", e);
        } finally {
            busy.decrementAndGet();
        }
    }

    private void execute(SleeptimeJob job, String owner) {
        try {
            run.run(job, owner, config.lease(), () -> stopping);
        } catch (SleeptimeRun.Stopped e) {
            jobs.release(job, owner);
        } catch (LeaseLostException e) {
            LOG.warn("sleeptime job {} was taken over: {}", job.id(), e.getMessage());
        } catch (RuntimeException e) {
            failed(job, owner, e);
        } finally {
            checkpoint.commit();
        }
    }

    private void failed(SleeptimeJob job, String owner, RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Instant now = clock.instant();
        try {
            if (job.attempts() >= config.maxAttempts()) {
                LOG.warn("sleeptime job {} failed for good after {} attempts: {}", job.id(), job.attempts(), reason);
                jobs.fail(job, owner, reason + " (after " + job.attempts() + " attempts)", now);
            } else {
                LOG.info("sleeptime job {} attempt {} failed, retrying: {}", job.id(), job.attempts(), reason);
                jobs.retryLater(job, owner, reason, now.plus(backoff(job.attempts(), e)));
            }
        } catch (LeaseLostException lost) {
            LOG.warn("sleeptime job {} was taken over while failing", job.id());
        }
    }

    static Duration backoff(int attempt, RuntimeException e) {
        Duration exponential = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 16));
        Duration wait = exponential.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : exponential;
        if (e instanceof ModelException m && m.retryAfter().isPresent()) {
            Duration asked = m.retryAfter().get();
            return asked.compareTo(wait) > 0 ? asked : wait;
        }
        return wait;
    }

    /**
     * Stops claiming; a run in progress finishes its current step and gives its job back (claimable at
     * once, its log kept), or, when it does not within the grace period, its lease simply expires.
     */
    @Override
    public void close() {
        stopping = true;
        cancelPoll.run();
        workers.ifPresent(pool -> {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        });
    }
}
