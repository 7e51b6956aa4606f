package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Recall in {@code messages}. Sequence numbers come from {@link SequenceCounter}; the unique index on
 * (agentId, dedupKey) makes an inbound Discord message stored at most once, even when two writers race.
 */
public final class MongoMessageStore implements MessageStore {
    private static final Speaker NOBODY = new Speaker("kindred", "kindred");

    private final MongoCollection<Document> messages;
    private final SequenceCounter counter;

    MongoMessageStore(MongoDatabase database) {
        this.messages = database.getCollection(Schema.MESSAGES);
        this.counter = new SequenceCounter(database);
    }

    @Override
    public Message append(NewMessage spec) {
        String sourceId = spec.sourceId();
        if (sourceId != null) {
            Optional<Message> stored = bySource(spec.agentId(), sourceId);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        Message message = toMessage(spec, counter.next(spec.agentId()));
        try {
            messages.insertOne(MessageDocuments.toDocument(message));
            return message;
        } catch (MongoException e) {
            if (sourceId == null || !DuplicateKey.is(e)) {
                throw e;
            }
            // another writer stored this source first; fill the number we took so the sequence stays whole
            Message stored = bySource(spec.agentId(), sourceId).orElseThrow(() -> e);
            messages.insertOne(MessageDocuments.toDocument(placeholder(spec, message.seq())));
            return stored;
        }
    }

    @Override
    public Optional<Message> bySource(String agentId, String sourceId) {
        Document document = messages.find(
                        and(eq("agentId", agentId), eq("dedupKey", MessageDocuments.sourceKey(sourceId))))
                .first();
        return Optional.ofNullable(document).map(MessageDocuments::fromDocument);
    }

    @Override
    public List<Message> range(String agentId, long fromSeq, long toSeq) {
        return messages.find(and(eq("agentId", agentId), gte("seq", fromSeq), lte("seq", toSeq)))
                .sort(Sorts.ascending("seq"))
                .map(MessageDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    @Override
    public List<Message> latest(String agentId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Message> newestFirst = messages.find(eq("agentId", agentId))
                .sort(Sorts.descending("seq"))
                .limit(limit)
                .map(MessageDocuments::fromDocument)
                .into(new ArrayList<>());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public long lastSeq(String agentId) {
        Document last = messages.find(eq("agentId", agentId))
                .projection(Projections.include("seq"))
                .sort(Sorts.descending("seq"))
                .first();
        return last == null ? 0 : Fields.longValue(last, "seq");
    }

    @Override
    public long count(String agentId) {
        return messages.countDocuments(eq("agentId", agentId));
    }

    /** Keeps seq, role, speaker, time and sourceId (so a redelivered message is not stored again). */
    @Override
    public void erase(String agentId, long seq) {
        messages.updateOne(
                and(eq("agentId", agentId), eq("seq", seq)),
                Updates.combine(
                        Updates.set("content", ""), Updates.set("toolCalls", List.of()), Updates.set("erased", true)));
    }

    @Override
    public long deleteAll(String agentId) {
        long deleted = messages.deleteMany(eq("agentId", agentId)).getDeletedCount();
        counter.remove(agentId);
        return deleted;
    }

    private static Message toMessage(NewMessage spec, long seq) {
        return new Message(
                Ids.newId(),
                spec.agentId(),
                seq,
                spec.role(),
                spec.content(),
                spec.speaker(),
                spec.channelId(),
                spec.toolCalls(),
                spec.toolCallId(),
                spec.sourceId(),
                Fields.millis(spec.createdAt()),
                false);
    }

    private static Message placeholder(NewMessage spec, long seq) {
        return new Message(
                Ids.newId(),
                spec.agentId(),
                seq,
                Role.SYSTEM,
                "",
                NOBODY,
                spec.channelId(),
                List.of(),
                null,
                null,
                Fields.millis(spec.createdAt()),
                true);
    }
}
