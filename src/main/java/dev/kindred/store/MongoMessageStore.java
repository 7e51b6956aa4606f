package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Recall in {@code messages}, numbered per agent by {@link MessageSequence}; the unique index on
 * (agentId, dedupKey) makes an inbound Discord message stored at most once, even when two writers race.
 */
public final class MongoMessageStore implements MessageStore {
    private static final int BATCH = 500;
    private static final int SINGLE_READS = 16;
    private static final int MAX_ATTEMPTS = 1_000;

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> vectors;
    private final MessageSequence sequence;
    private final RecentMessages recent = new RecentMessages();

    MongoMessageStore(MongoDatabase database) {
        this.messages = database.getCollection(Schema.MESSAGES);
        this.vectors = database.getCollection(Schema.MESSAGE_VECTORS);
        this.sequence = new MessageSequence(messages);
    }

    /**
     * One insert: the next number is claimed by the insert itself ({@link MessageSequence}), and the
     * unique (agentId, dedupKey) index refuses a source already stored. Only when the insert is refused
     * is there a read, to tell the two apart; a duplicate takes no number, so numbers stay gapless.
     */
    @Override
    public Optional<Message> appendIfNew(NewMessage spec) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Message message = toMessage(spec, sequence.last(spec.agentId()) + 1);
            try {
                messages.insertOne(MessageDocuments.toDocument(message));
                sequence.taken(spec.agentId(), message.seq());
                recent.appended(message);
                return Optional.of(message);
            } catch (MongoException e) {
                if (!DuplicateKey.is(e)) {
                    throw e;
                }
                if (spec.sourceId() != null
                        && bySource(spec.agentId(), spec.sourceId()).isPresent()) {
                    return Optional.empty();
                }
                sequence.catchUp(spec.agentId());
            }
        }
        throw new IllegalStateException("could not take a message number for agent " + spec.agentId());
    }

    /**
     * One insert for all of them when they are one agent's and none has a source id: numbers n+1..n+k
     * are claimed by the ordered insert itself. When another writer took one, what went in before it
     * stays, and the rest is numbered again after catching up.
     */
    @Override
    public List<Message> appendAll(List<NewMessage> specs) {
        String agentId = specs.isEmpty() ? "" : specs.get(0).agentId();
        if (specs.size() < 2
                || specs.stream()
                        .anyMatch(s -> s.sourceId() != null || !s.agentId().equals(agentId))) {
            return MessageStore.super.appendAll(specs);
        }
        List<Message> stored = new ArrayList<>(specs.size());
        for (int attempt = 1; stored.size() < specs.size(); attempt++) {
            long next = sequence.last(agentId) + 1;
            List<Message> batch = new ArrayList<>();
            for (NewMessage spec : specs.subList(stored.size(), specs.size())) {
                batch.add(toMessage(spec, next + batch.size()));
            }
            int written = insertUpToTakenNumber(batch, attempt);
            for (Message message : batch.subList(0, written)) {
                sequence.taken(agentId, message.seq());
                recent.appended(message);
                stored.add(message);
            }
            if (written < batch.size()) {
                sequence.catchUp(agentId);
            }
        }
        return stored;
    }

    /** How many of the batch went in before the first number another writer had taken. */
    private int insertUpToTakenNumber(List<Message> batch, int attempt) {
        try {
            messages.insertMany(batch.stream().map(MessageDocuments::toDocument).toList());
            return batch.size();
        } catch (MongoBulkWriteException e) {
            boolean lostRace = !e.getWriteErrors().isEmpty()
                    && e.getWriteErrors().get(0).getCategory() == ErrorCategory.DUPLICATE_KEY;
            if (!lostRace || attempt >= MAX_ATTEMPTS) {
                throw e;
            }
            return e.getWriteErrors().get(0).getIndex();
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
        return recent.range(agentId, fromSeq, toSeq, sequence.last(agentId), (from, to) -> read(agentId, from, to))
                .orElseGet(() -> read(agentId, fromSeq, toSeq));
    }

    /** Hits among the recent messages come from memory; one query reads the rest. */
    @Override
    public List<Message> bySeqs(String agentId, Collection<Long> seqs) {
        Map<Long, Message> held = recent.held(agentId, seqs);
        List<Message> found = new ArrayList<>(held.values());
        List<String> ids = seqs.stream()
                .filter(seq -> !held.containsKey(seq))
                .map(seq -> MessageDocuments.id(agentId, seq))
                .toList();
        if (!ids.isEmpty()) {
            messages.find(new Document("_id", new Document("$in", ids)))
                    .map(MessageDocuments::fromDocument)
                    .into(found);
        }
        found.sort(Comparator.comparingLong(Message::seq));
        return found;
    }

    /**
     * Reads by {@code _id} ({@code agentId:seq}): the embedded server answers an equality on
     * {@code _id} from its index, but scans every message of every agent for a range filter.
     */
    private List<Message> read(String agentId, long fromSeq, long toSeq) {
        long last = Math.min(toSeq, sequence.last(agentId));
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
        long last = sequence.last(agentId);
        List<Message> newest = new ArrayList<>();
        for (long end = last; end >= 1 && newest.size() < limit; end -= limit) {
            List<Message> page = range(agentId, Math.max(1, end - limit + 1), end);
            newest.addAll(0, page);
        }
        return newest.subList(Math.max(0, newest.size() - limit), newest.size());
    }

    /** Numbers are gapless, so the last one is also the count. */
    @Override
    public long lastSeq(String agentId) {
        return sequence.last(agentId);
    }

    @Override
    public long count(String agentId) {
        return sequence.last(agentId);
    }

    /**
     * Keeps seq, role, speaker, time and sourceId (so a redelivered message is not stored again). The
     * message's stored embedding is derived from its text, so it goes too (after the text: a crash in
     * between leaves a vector that no search returns, since searches skip erased messages).
     */
    @Override
    public void erase(String agentId, long seq) {
        messages.updateOne(
                eq("_id", MessageDocuments.id(agentId, seq)),
                Updates.combine(
                        Updates.set("content", ""), Updates.set("toolCalls", List.of()), Updates.set("erased", true)));
        recent.forget(agentId); // after the write: a read racing it would cache the text again
        vectors.deleteOne(eq("_id", MongoMessageVectors.id(agentId, seq)));
    }

    /** Tombstone and speaker in one update, so a crash never leaves the text without its author or back. */
    @Override
    public void anonymise(String agentId, long seq) {
        Document anonymous = new Document("id", ANONYMOUS.id()).append("name", ANONYMOUS.name());
        messages.updateOne(
                eq("_id", MessageDocuments.id(agentId, seq)),
                Updates.combine(
                        Updates.set("content", ""),
                        Updates.set("toolCalls", List.of()),
                        Updates.set("erased", true),
                        Updates.set("speaker", anonymous)));
        recent.forget(agentId); // after the write, as in erase
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
        sequence.forget(agentId);
        return deleted;
    }

    private static Message toMessage(NewMessage spec, long seq) {
        return spec.stored(MessageDocuments.id(spec.agentId(), seq), seq, Fields.millis(spec.createdAt()));
    }
}
