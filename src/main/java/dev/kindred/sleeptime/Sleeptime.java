package dev.kindred.sleeptime;

import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.AgentServices;
import dev.kindred.agent.ExecutorScheduler;
import dev.kindred.agent.ReplyGate;
import dev.kindred.config.SleeptimeConfig;
import dev.kindred.model.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sleeptime wired for a running process: the trigger listens to the runtime's turns on a thread of its
 * own (off the reply path), the runner polls for due jobs (and wakes when one is queued) on
 * {@code config.workers()} threads of its own, and the service answers {@code /sleeptime}. Close it
 * before the storage.
 */
public final class Sleeptime implements AutoCloseable {
    static final Duration POLL = Duration.ofSeconds(5);

    private final SleeptimeRunner runner;
    private final SleeptimeService service;
    private final ScheduledExecutorService ticks;
    private final ExecutorService counting;

    private Sleeptime(
            SleeptimeRunner runner,
            SleeptimeService service,
            ScheduledExecutorService ticks,
            ExecutorService counting) {
        this.runner = runner;
        this.service = service;
        this.ticks = ticks;
        this.counting = counting;
    }

    /** Builds, registers with {@code runtime} and starts sleeptime over {@code jobs}. */
    public static Sleeptime start(
            AgentRuntime runtime, ChatModel model, SleeptimeJobStore jobs, SleeptimeConfig config) {
        Clock clock = Clock.systemUTC();
        AgentServices services = runtime.services();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(daemon("sleeptime-poll"));
        ExecutorScheduler scheduler = new ExecutorScheduler(ticks);
        ReplyGate replies = runtime.replies();
        SleeptimeRun run =
                new SleeptimeRun(services, new ReplyFirstModel(model, replies), jobs, runtime.blockEditor(), clock);
        SleeptimeRunner runner = new SleeptimeRunner(jobs, run, config, clock, services.checkpoint());
        SleeptimeTrigger trigger = new SleeptimeTrigger(jobs, services.messages(), clock, runner::wake);
        ExecutorService counting = Executors.newSingleThreadExecutor(daemon("sleeptime-trigger"));
        runtime.addListener(new BackgroundTurnListener(trigger, replies.deferring(counting)));
        ExecutorService pool = Executors.newFixedThreadPool(config.workers(), daemon("sleeptime-worker"));
        runner.start(scheduler, pool, POLL, replies);
        runner.wake();
        return new Sleeptime(runner, new SleeptimeService(services.agents(), jobs, trigger, clock), ticks, counting);
    }

    public SleeptimeService service() {
        return service;
    }

    @Override
    public void close() {
        counting.shutdown(); // the counts already handed over are still stored
        runner.close();
        ticks.shutdownNow();
        try {
            counting.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
