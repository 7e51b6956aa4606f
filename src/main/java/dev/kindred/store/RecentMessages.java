package dev.kindred.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kindred.memory.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest messages of recently active agents, kept in memory so that compiling a context (which
 * reads the whole window on every model call) does not go to the database. A tail starts with the
 * newest {@link #TAIL} messages and grows backwards when a window reaches further, up to {@link
 * #MAX_PER_AGENT}. Appends go to MongoDB first and then extend the tail; anything out of order, an
 * erasure or a deletion drops the agent's tail, which is read again on next use. Bounded by the
 * total number of messages held.
 */
final class RecentMessages {
    static final int TAIL = 1_000;
    static final int MAX_PER_AGENT = 10_000;
    private static final long MAX_MESSAGES = 100_000;
    private static final int REWEIGH_EVERY = 256;

    /** Reads the messages from the first to the second sequence number, inclusive, in order. */
    interface Loader {
        List<Message> read(long fromSeq, long toSeq);
    }

    private final Cache<String, Tail> tails = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(MAX_MESSAGES)
            .<String, Tail>weigher((agentId, tail) -> tail.size() + 1)
            .build();

    /**
     * Messages from {@code fromSeq} to {@code toSeq} (at most {@code lastSeq}); empty when the range
     * reaches further back than a tail may hold, for the caller to read from the database.
     */
    Optional<List<Message>> range(String agentId, long fromSeq, long toSeq, long lastSeq, Loader load) {
        long from = Math.max(1, fromSeq);
        if (lastSeq - from + 1 > MAX_PER_AGENT) {
            return Optional.empty();
        }
        Tail tail = tails.get(agentId, id -> new Tail(load.read(Math.max(1, lastSeq - TAIL + 1), lastSeq)));
        if (tail.endsBefore(lastSeq)) {
            tails.asMap().remove(agentId, tail); // an append got past it; read afresh next time
            return Optional.empty();
        }
        int before = tail.size();
        Optional<List<Message>> slice = tail.slice(from, toSeq, load);
        if (tail.size() / REWEIGH_EVERY != before / REWEIGH_EVERY) {
            tails.asMap().replace(agentId, tail, tail);
        }
        return slice;
    }

    /** Those of {@code seqs} the agent's tail holds, by number; nothing when no tail is loaded. */
    Map<Long, Message> held(String agentId, Collection<Long> seqs) {
        Tail tail = tails.getIfPresent(agentId);
        return tail == null ? Map.of() : tail.held(seqs);
    }

    void appended(Message message) {
        Tail tail = tails.getIfPresent(message.agentId());
        if (tail != null && !tail.extend(message)) {
            tails.invalidate(message.agentId());
        }
    }

    void forget(String agentId) {
        tails.invalidate(agentId);
    }

    /** A contiguous run of one agent's newest messages. */
    private static final class Tail {
        private final List<Message> messages;

        Tail(List<Message> newest) {
            this.messages = new ArrayList<>(newest);
        }

        synchronized int size() {
            return messages.size();
        }

        /** Adds the next message; false when it does not follow on (another writer got in between). */
        synchronized boolean extend(Message message) {
            if (!messages.isEmpty() && message.seq() != last() + 1) {
                return false;
            }
            messages.add(message);
            if (messages.size() > MAX_PER_AGENT) {
                messages.subList(0, messages.size() - MAX_PER_AGENT / 2).clear();
            }
            return true;
        }

        synchronized Map<Long, Message> held(Collection<Long> seqs) {
            Map<Long, Message> held = new HashMap<>();
            for (long seq : seqs) {
                if (!messages.isEmpty() && seq >= first() && seq <= last()) {
                    held.put(seq, messages.get((int) (seq - first())));
                }
            }
            return held;
        }

        synchronized boolean endsBefore(long lastSeq) {
            return messages.isEmpty() ? lastSeq > 0 : last() < lastSeq;
        }

        /** Reads older messages in first when the range starts before the tail; empty if they do not join on. */
        synchronized Optional<List<Message>> slice(long fromSeq, long toSeq, Loader load) {
            if (!messages.isEmpty() && fromSeq < first()) {
                List<Message> older = load.read(fromSeq, first() - 1);
                if (older.size() != first() - fromSeq || older.get(0).seq() != fromSeq) {
                    return Optional.empty();
                }
                messages.addAll(0, older);
            }
            if (messages.isEmpty()) {
                return Optional.of(List.of());
            }
            int start = (int) Math.min(messages.size(), Math.max(0, fromSeq - first()));
            int end = (int) Math.min(messages.size(), Math.max(start, toSeq - first() + 1));
            return Optional.of(List.copyOf(messages.subList(start, end)));
        }

        private long first() {
            return messages.get(0).seq();
        }

        private long last() {
            return messages.get(messages.size() - 1).seq();
        }
    }
}
