package dev.kindred.sleeptime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where sleeptime keeps its counters and jobs ({@code sleeptime_jobs}). Every write is safe on its
 * own: counters move with {@code $inc}, a job's id is unique, a job and its agent are claimed under
 * leases, and writes to a claimed job succeed only for the lease's owner.
 */
public interface SleeptimeJobStore {

    /** Adds user messages to the agent+channel counter; returns the count since the last queued job. */
    long countMessages(String agentId, String channelId, int userMessages);

    /** Takes {@code messages} off the counter once a job covers them. */
    void consumeMessages(String agentId, String channelId, long messages);

    /** Channel id to user messages counted since the channel's last job. */
    Map<String, Long> counters(String agentId);

    /** The agent+channel job with the highest {@code fromSeq}. */
    Optional<SleeptimeJob> latest(String agentId, String channelId);

    /** Stores a new job; false when a job with the same id exists (someone queued it first). */
    boolean insert(SleeptimeJob job);

    /**
     * Claims the oldest claimable job (pending, due, lease expired) of an agent whose agent lease is
     * free and which has no older pending job (one waiting to be retried holds the agent's later jobs
     * back, so blocks are consolidated in the conversation's order), taking both leases until
     * {@code now + lease} and counting an attempt.
     */
    Optional<SleeptimeJob> claim(String owner, Instant now, Duration lease);

    /** Extends the job's and its agent's lease; false when the owner lost them. */
    boolean renew(SleeptimeJob job, String owner, Instant until);

    /** Appends a model answer to the job's step log. */
    void logStep(SleeptimeJob job, String owner, SleeptimeJob.Step step);

    void logIntent(SleeptimeJob job, String owner, SleeptimeJob.Intent intent);

    void logApplied(SleeptimeJob job, String owner, SleeptimeJob.Applied applied);

    /**
     * Marks the job done. The channel's earlier done jobs are removed: the last run is what
     * {@code /sleeptime status} shows, every edit stays in block history, and a job queue that only
     * grows would make each claim (a scan on the embedded server) slower forever.
     */
    void finish(SleeptimeJob job, String owner, Instant at);

    /** Gives a failed attempt back with its reason, claimable again from {@code notBefore}. */
    void retryLater(SleeptimeJob job, String owner, String reason, Instant notBefore);

    void fail(SleeptimeJob job, String owner, String reason, Instant at);

    /** Gives the job back unfinished (shutdown), claimable again at once, with its log kept. */
    void release(SleeptimeJob job, String owner);

    Optional<SleeptimeJob> get(String jobId);

    /** The agent's newest jobs first. */
    List<SleeptimeJob> recent(String agentId, int limit);
}
