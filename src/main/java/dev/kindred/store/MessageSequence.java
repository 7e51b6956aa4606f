package dev.kindred.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Each agent's last message number. Messages are numbered 1, 2, 3, ... without gaps and their
 * {@code _id} is {@code agentId:seq}, so inserting number n+1 is itself the compare-and-set: when
 * another writer took it first, the insert fails on the {@code _id} index and the writer looks again.
 * The last number is found once per agent and process by probing {@code _id}s (doubling, then
 * halving: about 2 log2(n) point reads); after that this process's own appends keep it current.
 */
final class MessageSequence {
    private final MongoCollection<Document> messages;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    MessageSequence(MongoCollection<Document> messages) {
        this.messages = messages;
    }

    /** The last number taken (0 when the agent has no message). */
    long last(String agentId) {
        return known.computeIfAbsent(agentId, id -> probeFrom(id, 0));
    }

    void taken(String agentId, long seq) {
        known.merge(agentId, seq, Math::max);
    }

    /** After losing a race for a number: finds how far another writer has gone. */
    void catchUp(String agentId) {
        long from = last(agentId);
        known.merge(agentId, probeFrom(agentId, from), Math::max);
    }

    void forget(String agentId) {
        known.remove(agentId);
    }

    /** The last existing number, knowing that {@code atLeast} exists (or is 0). */
    private long probeFrom(String agentId, long atLeast) {
        long present = atLeast;
        long step = 1;
        while (exists(agentId, present + step)) {
            present += step;
            step *= 2;
        }
        long absent = present + step;
        while (absent - present > 1) {
            long middle = present + (absent - present) / 2;
            if (exists(agentId, middle)) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        return present;
    }

    private boolean exists(String agentId, long seq) {
        return messages.find(eq("_id", MessageDocuments.id(agentId, seq)))
                        .projection(Projections.include("_id"))
                        .first()
                != null;
    }
}
