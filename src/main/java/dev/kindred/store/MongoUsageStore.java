package dev.kindred.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.kindred.model.Usage;
import dev.kindred.model.UsageRecord;
import dev.kindred.model.UsageStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Usage in the {@code usage} collection, one document per agent, UTC day and model whose counters
 * grow with {@code $inc} upserts: concurrent calls add up without a transaction.
 */
public final class MongoUsageStore implements UsageStore {
    private final MongoCollection<Document> usage;

    public MongoUsageStore(MongoDatabase database) {
        this.usage = database.getCollection("usage");
        usage.createIndex(Indexes.ascending("agentId", "day"));
    }

    @Override
    public void record(UsageRecord call) {
        String id = call.agentId() + "|" + call.day() + "|" + call.model();
        Bson update = Updates.combine(
                Updates.setOnInsert("agentId", call.agentId()),
                Updates.setOnInsert("day", call.day().toString()),
                Updates.setOnInsert("model", call.model()),
                Updates.inc("inputTokens", call.usage().inputTokens()),
                Updates.inc("cacheReadTokens", call.usage().cacheReadTokens()),
                Updates.inc("cacheWriteTokens", call.usage().cacheWriteTokens()),
                Updates.inc("outputTokens", call.usage().outputTokens()),
                Updates.inc("costUsd", call.costUsd()),
                Updates.inc("calls", 1));
        try {
            upsert(id, update);
        } catch (MongoWriteException e) {
            // Two first writes of the day raced to insert; the loser's retry finds the document.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            upsert(id, update);
        }
    }

    @Override
    public List<UsageRecord> history(String agentId) {
        List<UsageRecord> records = new ArrayList<>();
        for (Document doc : usage.find(Filters.eq("agentId", agentId)).sort(Sorts.ascending("day", "model"))) {
            records.add(toRecord(doc));
        }
        return records;
    }

    private void upsert(String id, Bson update) {
        usage.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
    }

    private static UsageRecord toRecord(Document doc) {
        Usage tokens = new Usage(
                number(doc, "inputTokens"),
                number(doc, "cacheReadTokens"),
                number(doc, "cacheWriteTokens"),
                number(doc, "outputTokens"));
        double cost = doc.get("costUsd", Number.class).doubleValue();
        return new UsageRecord(
                doc.getString("agentId"), doc.getString("model"), LocalDate.parse(doc.getString("day")), tokens, cost);
    }

    private static long number(Document doc, String field) {
        return doc.get(field, Number.class).longValue();
    }
}
