package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.kindred.privacy.ErasureCounts;
import dev.kindred.privacy.ForgetPlan;
import dev.kindred.privacy.PrivacyRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Forget requests in {@code privacy_requests}. A pending request holds the person's id and the plan;
 * finishing it removes both in the same update that marks it done.
 */
final class MongoPrivacyRequests implements PrivacyRequests {
    private static final String PENDING = "pending";
    private static final String DONE = "done";

    private final MongoCollection<Document> requests;

    MongoPrivacyRequests(MongoDatabase database) {
        this.requests = database.getCollection(Schema.PRIVACY_REQUESTS);
    }

    @Override
    public String begin(ForgetPlan plan, Instant at) {
        String id = Ids.newId();
        List<Document> shared = new ArrayList<>();
        plan.firstSeqBySharedAgent()
                .forEach((agentId, seq) -> shared.add(new Document("agentId", agentId).append("firstSeq", seq)));
        requests.insertOne(new Document("_id", id)
                .append("kind", "forget")
                .append("state", PENDING)
                .append("userId", plan.userId())
                .append("dmAgentIds", List.copyOf(plan.dmAgentIds()))
                .append("sharedAgents", shared)
                .append("requestedAt", Fields.date(Fields.millis(at))));
        return id;
    }

    @Override
    public void finish(String requestId, ErasureCounts counts, Instant at) {
        requests.updateOne(
                and(eq("_id", requestId), eq("state", PENDING)),
                Updates.combine(
                        Updates.set("state", DONE),
                        Updates.set("doneAt", Fields.date(Fields.millis(at))),
                        Updates.set("erased", counts.render()),
                        Updates.unset("userId"),
                        Updates.unset("dmAgentIds"),
                        Updates.unset("sharedAgents")));
    }

    @Override
    public List<Pending> pending() {
        List<Pending> pending = new ArrayList<>();
        for (Document d : requests.find(eq("state", PENDING)).sort(Sorts.ascending("requestedAt"))) {
            pending.add(new Pending(d.getString("_id"), plan(d)));
        }
        return pending;
    }

    private static ForgetPlan plan(Document d) {
        Map<String, Long> shared = new HashMap<>();
        for (Document agent : d.getList("sharedAgents", Document.class)) {
            shared.put(agent.getString("agentId"), Fields.longValue(agent, "firstSeq"));
        }
        return new ForgetPlan(d.getString("userId"), new HashSet<>(d.getList("dmAgentIds", String.class)), shared);
    }
}
