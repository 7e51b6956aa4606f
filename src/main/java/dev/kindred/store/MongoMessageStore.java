package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Recall in {@code messages}. Sequence numbers come from {@link SequenceCounter}; the unique index on
 * (agentId, dedupKey) makes an inbound Discord message stored at most once, even when two writers race.
 */
public final class MongoMessageStore implements MessageStore {
    private static final Speaker NOBODY = new Speaker("kindred", "kindred");
    private static final int BATCH = 500;
    private static final int SINGLE_READS = 16;

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> vectors;
    private final SequenceCounter counter;
    private final RecentMessages recent = new RecentMessages();

    MongoMessageStore(MongoDatabase database) {
        this.messages = database.getCollection(Schema.MESSAGES);
        this.vectors = database.getCollection(Schema.MESSAGE_VECTORS);
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
            recent.appended(message);
            return message;
        } catch (MongoException e) {
            if (sourceId == null || !DuplicateKey.is(e)) {
                throw e;
            }
            // another writer stored this source first; fill the number we took so the sequence stays whole
            Message stored = bySource(spec.agentId(), sourceId).orElseThrow(() -> e);
            messages.insertOne(MessageDocuments.toDocument(placeholder(spec, message.seq())));
            recent.forget(spec.agentId());
            return stored;
        }
    }

    @Override
    public Optional<Message> bySource(String agentId, String sourceId) {
        Document key = new Document("agentId", agentId).append("dedupKey", MessageDocuments.sourceKey(sourceId));
        return Optional.ofNullable(messages.find(key).first()).map(MessageDocuments::fromDocument);
    }

    /** Recent messages come from memory ({@link RecentMessages}); older ones from the database. */
    @Override
    public List<Message> range(String agentId, long fromSeq, long toSeq) {
        return recent.range(agentId, fromSeq, toSeq, this::newest).orElseGet(() -> read(agentId, fromSeq, toSeq));
    }

    @Override
    public List<Message> bySeqs(String agentId, Collection<Long> seqs) {
        List<String> ids =
                seqs.stream().map(seq -> MessageDocuments.id(agentId, seq)).toList();
        List<Message> found = new ArrayList<>();
        messages.find(new Document("_id", new Document("$in", ids)))
                .map(MessageDocuments::fromDocument)
                .into(found);
        found.sort(Comparator.comparingLong(Message::seq));
        return found;
    }

    private List<Message> newest(String agentId) {
        long last = counter.last(agentId);
        return read(agentId, Math.max(1, last - RecentMessages.TAIL + 1), last);
    }

    /**
     * Reads by {@code _id} ({@code agentId:seq}): the embedded server answers an equality on
     * {@code _id} from its index, but scans every message of every agent for a range filter.
     */
    private List<Message> read(String agentId, long fromSeq, long toSeq) {
        long last = Math.min(toSeq, counter.last(agentId));
        List<Message> found = new ArrayList<>();
        if (last - fromSeq < SINGLE_READS) {
            for (long seq = Math.max(1, fromSeq); seq <= last; seq++) {
                Document doc = messages.find(eq("_id", MessageDocuments.id(agentId, seq)))
                        .first();
                if (doc != null) {
                    found.add(MessageDocuments.fromDocument(doc));
                }
            }
            return found;
        }
        for (long start = Math.max(1, fromSeq); start <= last; start += BATCH) {
            List<String> ids = LongStream.rangeClosed(start, Math.min(last, start + BATCH - 1))
                    .mapToObj(seq -> MessageDocuments.id(agentId, seq))
                    .toList();
            messages.find(new Document("_id", new Document("$in", ids)))
                    .map(MessageDocuments::fromDocument)
                    .into(found);
        }
        found.sort(Comparator.comparingLong(Message::seq));
        return found;
    }

    @Override
    public List<Message> latest(String agentId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        long last = counter.last(agentId);
        List<Message> newest = new ArrayList<>();
        for (long end = last; end >= 1 && newest.size() < limit; end -= limit) {
            List<Message> page = range(agentId, Math.max(1, end - limit + 1), end);
            newest.addAll(0, page);
        }
        return newest.subList(Math.max(0, newest.size() - limit), newest.size());
    }

    /** Sequence numbers are handed out without gaps (a lost race fills its number with a placeholder). */
    @Override
    public long lastSeq(String agentId) {
        return counter.last(agentId);
    }

    @Override
    public long count(String agentId) {
        return counter.last(agentId);
    }

    /**
     * Keeps seq, role, speaker, time and sourceId (so a redelivered message is not stored again). The
     * message's stored embedding is derived from its text, so it goes too (after the text: a crash in
     * between leaves a vector that no search returns, since searches skip erased messages).
     */
    @Override
    public void erase(String agentId, long seq) {
        recent.forget(agentId);
        messages.updateOne(
                eq("_id", MessageDocuments.id(agentId, seq)),
                Updates.combine(
                        Updates.set("content", ""), Updates.set("toolCalls", List.of()), Updates.set("erased", true)));
        vectors.deleteOne(eq("_id", MongoMessageVectors.id(agentId, seq)));
    }

    /** Tombstone and speaker in one update, so a crash never leaves the text without its author or back. */
    @Override
    public void anonymise(String agentId, long seq) {
        recent.forget(agentId);
        Document anonymous = new Document("id", ANONYMOUS.id()).append("name", ANONYMOUS.name());
        messages.updateOne(
                eq("_id", MessageDocuments.id(agentId, seq)),
                Updates.combine(
                        Updates.set("content", ""),
                        Updates.set("toolCalls", List.of()),
                        Updates.set("erased", true),
                        Updates.set("speaker", anonymous)));
        vectors.deleteOne(eq("_id", MongoMessageVectors.id(agentId, seq)));
    }

    @Override
    public List<String> agentsWithSpeaker(String speakerId) {
        return messages.distinct("agentId", notErasedFrom(speakerId), String.class)
                .into(new ArrayList<>());
    }

    @Override
    public List<Message> bySpeaker(String agentId, String speakerId) {
        return inOrder(and(eq("agentId", agentId), notErasedFrom(speakerId)));
    }

    @Override
    public List<Message> withRole(String agentId, Role role, long fromSeq) {
        return inOrder(and(eq("agentId", agentId), eq("role", role.name()), gte("seq", fromSeq)));
    }

    /** Privacy queries are rare and scan; sorting here spares the embedded server a sorted scan. */
    private List<Message> inOrder(Bson filter) {
        List<Message> found =
                messages.find(filter).map(MessageDocuments::fromDocument).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(Message::seq));
        return found;
    }

    private static Bson notErasedFrom(String speakerId) {
        return and(eq("speaker.id", speakerId), eq("erased", false));
    }

    @Override
    public long deleteAll(String agentId) {
        recent.forget(agentId);
        long deleted = messages.deleteMany(eq("agentId", agentId)).getDeletedCount();
        counter.remove(agentId);
        return deleted;
    }

    private static Message toMessage(NewMessage spec, long seq) {
        return new Message(
                MessageDocuments.id(spec.agentId(), seq),
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
                MessageDocuments.id(spec.agentId(), seq),
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
