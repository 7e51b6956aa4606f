package dev.kindred.sleeptime;

import dev.kindred.model.ToolCall;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One consolidation job: the messages of {@code channelId} with {@code fromSeq <= seq <= toSeq}.
 * Consecutive jobs of an agent and channel cover the sequence with no gap and no overlap, and the id
 * is derived from {@code fromSeq}, so queueing the same job twice stores it once.
 *
 * <p>The job carries its own step log: every model answer ({@link Step}) is stored before its tool
 * calls run, every call about to change memory leaves an {@link Intent}, and every call that ran
 * leaves an {@link Applied} record. A run resumed after a crash replays that log instead of asking the
 * model again, and runs only the calls that have no {@link Applied} record.
 */
public record SleeptimeJob(
        String id,
        String agentId,
        String channelId,
        long fromSeq,
        long toSeq,
        Status status,
        int attempts,
        Instant createdAt,
        Instant notBefore,
        Instant leaseUntil,
        @Nullable String owner,
        List<Step> steps,
        List<Intent> intents,
        List<Applied> applied,
        @Nullable String lastError,
        @Nullable Instant finishedAt) {

    public enum Status {
        PENDING,
        DONE,
        FAILED
    }

    /** A model answer in the run: its text and the tool calls it asked for. */
    public record Step(String text, List<ToolCall> calls) {
        public Step {
            calls = List.copyOf(calls);
        }
    }

    /**
     * Written just before a call that changes memory: the block and its version as last read, or
     * ({@code blockId} null) the archival text, so a resumed run can tell whether the call landed.
     */
    public record Intent(String callId, @Nullable String blockId, long version, String text, Instant at) {}

    /** A call that ran: what it returned to the model, and the block it changed by how many characters. */
    public record Applied(String callId, String result, String label, int delta) {}

    public SleeptimeJob {
        steps = List.copyOf(steps);
        intents = List.copyOf(intents);
        applied = List.copyOf(applied);
        if (fromSeq < 1 || toSeq < fromSeq) {
            throw new IllegalArgumentException("a job covers fromSeq <= toSeq, got " + fromSeq + ".." + toSeq);
        }
    }

    public static String idFor(String agentId, String channelId, long fromSeq) {
        return agentId + "|" + channelId + "|" + fromSeq;
    }

    /** A new pending job, claimable at once. */
    public static SleeptimeJob queued(String agentId, String channelId, long fromSeq, long toSeq, Instant now) {
        return new SleeptimeJob(
                idFor(agentId, channelId, fromSeq),
                agentId,
                channelId,
                fromSeq,
                toSeq,
                Status.PENDING,
                0,
                now,
                now,
                Instant.EPOCH,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null);
    }
}
