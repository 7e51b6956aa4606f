package dev.kindred.store;

import dev.kindred.model.ToolCall;
import dev.kindred.sleeptime.SleeptimeJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** Maps sleeptime jobs and their step log to BSON documents and back. */
final class JobDocuments {
    private JobDocuments() {}

    static Date date(Instant instant) {
        return Date.from(instant);
    }

    static Document document(SleeptimeJob job) {
        return new Document("_id", job.id())
                .append("agentId", job.agentId())
                .append("channelId", job.channelId())
                .append("fromSeq", job.fromSeq())
                .append("toSeq", job.toSeq())
                .append("status", job.status().name())
                .append("attempts", job.attempts())
                .append("createdAt", date(job.createdAt()))
                .append("notBefore", date(job.notBefore()))
                .append("leaseUntil", date(job.leaseUntil()))
                .append("owner", job.owner())
                .append("steps", job.steps().stream().map(JobDocuments::step).toList())
                .append(
                        "intents",
                        job.intents().stream().map(JobDocuments::intent).toList())
                .append(
                        "applied",
                        job.applied().stream().map(JobDocuments::applied).toList())
                .append("lastError", job.lastError())
                .append("finishedAt", job.finishedAt() == null ? null : date(job.finishedAt()));
    }

    static SleeptimeJob job(Document d) {
        return new SleeptimeJob(
                d.getString("_id"),
                d.getString("agentId"),
                d.getString("channelId"),
                longOf(d, "fromSeq"),
                longOf(d, "toSeq"),
                SleeptimeJob.Status.valueOf(d.getString("status")),
                (int) longOf(d, "attempts"),
                instant(d, "createdAt"),
                instant(d, "notBefore"),
                instant(d, "leaseUntil"),
                d.getString("owner"),
                list(d, "steps", JobDocuments::step),
                list(d, "intents", JobDocuments::intent),
                list(d, "applied", JobDocuments::applied),
                d.getString("lastError"),
                d.get("finishedAt") == null ? null : instant(d, "finishedAt"));
    }

    static Document step(SleeptimeJob.Step step) {
        List<Document> calls = step.calls().stream()
                .map(c -> new Document("id", c.id()).append("name", c.name()).append("arguments", c.arguments()))
                .toList();
        return new Document("text", step.text()).append("calls", calls);
    }

    private static SleeptimeJob.Step step(Document d) {
        List<ToolCall> calls =
                list(d, "calls", c -> new ToolCall(c.getString("id"), c.getString("name"), c.getString("arguments")));
        return new SleeptimeJob.Step(d.getString("text"), calls);
    }

    static Document intent(SleeptimeJob.Intent intent) {
        return new Document("callId", intent.callId())
                .append("blockId", intent.blockId())
                .append("version", intent.version())
                .append("text", intent.text())
                .append("at", date(intent.at()));
    }

    private static SleeptimeJob.Intent intent(Document d) {
        return new SleeptimeJob.Intent(
                d.getString("callId"),
                d.getString("blockId"),
                longOf(d, "version"),
                d.getString("text"),
                instant(d, "at"));
    }

    static Document applied(SleeptimeJob.Applied applied) {
        return new Document("callId", applied.callId())
                .append("result", applied.result())
                .append("label", applied.label())
                .append("delta", applied.delta());
    }

    private static SleeptimeJob.Applied applied(Document d) {
        return new SleeptimeJob.Applied(
                d.getString("callId"), d.getString("result"), d.getString("label"), (int) longOf(d, "delta"));
    }

    private static <T> List<T> list(Document d, String field, Function<Document, T> mapper) {
        List<T> out = new ArrayList<>();
        @Nullable List<Document> items = d.getList(field, Document.class);
        if (items != null) {
            items.forEach(item -> out.add(mapper.apply(item)));
        }
        return out;
    }

    private static Instant instant(Document d, String field) {
        return d.getDate(field).toInstant();
    }

    private static long longOf(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
