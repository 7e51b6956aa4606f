package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import dev.kindred.sleeptime.LeaseLostException;
import dev.kindred.sleeptime.SleeptimeJob;
import dev.kindred.sleeptime.SleeptimeJobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Sleeptime counters ({@code sleeptime_counters}), jobs ({@code sleeptime_jobs}) and agent leases
 * ({@code sleeptime_leases}). Needs no transaction: counters move with {@code $inc}, the job id is
 * unique, leases are taken with {@code findOneAndUpdate} on an expired {@code until}, and every write
 * to a claimed job is filtered on its owner.
 */
public final class MongoSleeptimeJobStore implements SleeptimeJobStore {
    private static final int DUPLICATE_KEY = 11000;
    private static final int CLAIM_BATCH = 50;

    private final MongoCollection<Document> jobs;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> leases;

    public MongoSleeptimeJobStore(MongoDatabase db) {
        this.jobs = db.getCollection("sleeptime_jobs");
        this.counters = db.getCollection("sleeptime_counters");
        this.leases = db.getCollection("sleeptime_leases");
        jobs.createIndex(Indexes.ascending("agentId", "channelId", "fromSeq"), new IndexOptions().unique(true));
        jobs.createIndex(Indexes.ascending("status", "createdAt"));
    }

    @Override
    public long countMessages(String agentId, String channelId, int userMessages) {
        Document after = counters.findOneAndUpdate(
                eq("_id", agentId + "|" + channelId),
                combine(
                        inc("count", (long) userMessages),
                        setOnInsert("agentId", agentId),
                        setOnInsert("channelId", channelId)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return after == null ? userMessages : number(after, "count");
    }

    @Override
    public void consumeMessages(String agentId, String channelId, long messages) {
        counters.updateOne(eq("_id", agentId + "|" + channelId), inc("count", -messages));
    }

    @Override
    public Map<String, Long> counters(String agentId) {
        Map<String, Long> out = new LinkedHashMap<>();
        counters.find(eq("agentId", agentId))
                .sort(Indexes.ascending("channelId"))
                .forEach(d -> out.put(d.getString("channelId"), number(d, "count")));
        return out;
    }

    @Override
    public Optional<SleeptimeJob> latest(String agentId, String channelId) {
        return Optional.ofNullable(jobs.find(and(eq("agentId", agentId), eq("channelId", channelId)))
                        .sort(Indexes.descending("fromSeq"))
                        .first())
                .map(JobDocuments::job);
    }

    @Override
    public boolean insert(SleeptimeJob job) {
        try {
            jobs.insertOne(JobDocuments.document(job));
            return true;
        } catch (MongoException e) {
            if (isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<SleeptimeJob> claim(String owner, Instant now, Duration lease) {
        Instant until = now.plus(lease);
        Set<String> tried = new HashSet<>();
        // read in batches as far as needed: jobs backing off, however many, never hide a due one
        try (MongoCursor<Document> candidates = jobs.find(
                        and(eq("status", SleeptimeJob.Status.PENDING.name()), lt("leaseUntil", JobDocuments.date(now))))
                .sort(Indexes.ascending("createdAt", "fromSeq"))
                .batchSize(CLAIM_BATCH)
                .iterator()) {
            while (candidates.hasNext()) {
                Document candidate = candidates.next();
                String agentId = candidate.getString("agentId");
                // only an agent's oldest pending job may run, once due: consolidation follows the conversation
                if (!tried.add(agentId)
                        || JobDocuments.date(now).before(candidate.getDate("notBefore"))
                        || !acquireAgent(agentId, owner, now, until)) {
                    continue;
                }
                Document claimed = jobs.findOneAndUpdate(
                        and(
                                eq("_id", candidate.get("_id")),
                                eq("status", SleeptimeJob.Status.PENDING.name()),
                                lt("leaseUntil", JobDocuments.date(now))),
                        combine(set("owner", owner), set("leaseUntil", JobDocuments.date(until)), inc("attempts", 1)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                if (claimed != null) {
                    return Optional.of(JobDocuments.job(claimed));
                }
                releaseAgent(agentId, owner);
            }
        }
        return Optional.empty();
    }

    private boolean acquireAgent(String agentId, String owner, Instant now, Instant until) {
        Document held = leases.find(eq("_id", agentId)).first();
        if (held == null) {
            try {
                leases.insertOne(
                        new Document("_id", agentId).append("owner", owner).append("until", JobDocuments.date(until)));
                return true;
            } catch (MongoException e) {
                if (isDuplicate(e)) {
                    return false;
                }
                throw e;
            }
        }
        // Read first so a lease that is plainly held costs no failed write; the filtered update decides races.
        if (!held.getDate("until").toInstant().isBefore(now)) {
            return false;
        }
        return leases.updateOne(
                                and(eq("_id", agentId), lt("until", JobDocuments.date(now))),
                                combine(set("owner", owner), set("until", JobDocuments.date(until))))
                        .getModifiedCount()
                == 1;
    }

    private void releaseAgent(String agentId, String owner) {
        leases.deleteOne(and(eq("_id", agentId), eq("owner", owner)));
    }

    @Override
    public boolean renew(SleeptimeJob job, String owner, Instant until) {
        long updated = jobs.updateOne(owned(job, owner), set("leaseUntil", JobDocuments.date(until)))
                .getMatchedCount();
        if (updated == 0) {
            return false;
        }
        leases.updateOne(and(eq("_id", job.agentId()), eq("owner", owner)), set("until", JobDocuments.date(until)));
        return true;
    }

    @Override
    public void logStep(SleeptimeJob job, String owner, SleeptimeJob.Step step) {
        update(job, owner, push("steps", JobDocuments.step(step)));
    }

    @Override
    public void logIntent(SleeptimeJob job, String owner, SleeptimeJob.Intent intent) {
        update(job, owner, push("intents", JobDocuments.intent(intent)));
    }

    @Override
    public void logApplied(SleeptimeJob job, String owner, SleeptimeJob.Applied applied) {
        update(job, owner, push("applied", JobDocuments.applied(applied)));
    }

    @Override
    public void finish(SleeptimeJob job, String owner, Instant at) {
        update(
                job,
                owner,
                combine(
                        set("status", SleeptimeJob.Status.DONE.name()),
                        set("finishedAt", JobDocuments.date(at)),
                        set("leaseUntil", JobDocuments.date(Instant.EPOCH))));
        releaseAgent(job.agentId(), owner);
        jobs.deleteMany(and(
                eq("agentId", job.agentId()),
                eq("channelId", job.channelId()),
                eq("status", SleeptimeJob.Status.DONE.name()),
                lt("fromSeq", job.fromSeq())));
    }

    @Override
    public void retryLater(SleeptimeJob job, String owner, String reason, Instant notBefore) {
        update(
                job,
                owner,
                combine(
                        set("lastError", reason),
                        set("notBefore", JobDocuments.date(notBefore)),
                        set("leaseUntil", JobDocuments.date(Instant.EPOCH))));
        releaseAgent(job.agentId(), owner);
    }

    @Override
    public void fail(SleeptimeJob job, String owner, String reason, Instant at) {
        update(
                job,
                owner,
                combine(
                        set("status", SleeptimeJob.Status.FAILED.name()),
                        set("lastError", reason),
                        set("finishedAt", JobDocuments.date(at)),
                        set("leaseUntil", JobDocuments.date(Instant.EPOCH))));
        releaseAgent(job.agentId(), owner);
    }

    @Override
    public void release(SleeptimeJob job, String owner) {
        // A shutdown is not the job's fault: the attempt is given back too.
        update(job, owner, combine(set("leaseUntil", JobDocuments.date(Instant.EPOCH)), inc("attempts", -1)));
        releaseAgent(job.agentId(), owner);
    }

    @Override
    public Optional<SleeptimeJob> get(String jobId) {
        return Optional.ofNullable(jobs.find(eq("_id", jobId)).first()).map(JobDocuments::job);
    }

    @Override
    public List<SleeptimeJob> recent(String agentId, int limit) {
        List<SleeptimeJob> out = new ArrayList<>();
        jobs.find(eq("agentId", agentId))
                .sort(Indexes.descending("createdAt", "fromSeq"))
                .limit(limit)
                .forEach(d -> out.add(JobDocuments.job(d)));
        return out;
    }

    private void update(SleeptimeJob job, String owner, Bson change) {
        if (jobs.updateOne(owned(job, owner), change).getMatchedCount() == 0) {
            throw new LeaseLostException(job.id());
        }
    }

    private static Bson owned(SleeptimeJob job, String owner) {
        return and(eq("_id", job.id()), eq("owner", owner));
    }

    private static boolean isDuplicate(MongoException e) {
        return e.getCode() == DUPLICATE_KEY
                || (e.getMessage() != null && e.getMessage().contains("E11000"));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
