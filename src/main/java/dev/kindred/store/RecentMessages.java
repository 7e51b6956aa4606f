package dev.kindred.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kindred.memory.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The newest messages of recently active agents, kept in memory so that compiling a context (which
 * reads the window on every model call) does not go to the database. Appends go to MongoDB first and
 * then extend the tail; anything out of order, an erasure or a deletion drops the agent's tail, which
 * is read again on next use. Bounded by the total number of messages held.
 */
final class RecentMessages {
    static final int TAIL = 1_000;
    private static final long MAX_MESSAGES = 200_000;

    private final Cache<String, Tail> tails = Caffeine.newBuilder()
            .maximumWeight(MAX_MESSAGES)
            .<String, Tail>weigher((agentId, tail) -> tail.size() + 1)
            .build();

    /** Messages from {@code fromSeq} to {@code toSeq}, when the tail covers {@code fromSeq}. */
    Optional<List<Message>> range(String agentId, long fromSeq, long toSeq, Function<String, List<Message>> load) {
        Tail tail = tails.get(agentId, id -> new Tail(load.apply(id)));
        return tail.slice(fromSeq, toSeq);
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
            long next =
                    messages.isEmpty() ? 1 : messages.get(messages.size() - 1).seq() + 1;
            if (message.seq() != next && !messages.isEmpty()) {
                return false;
            }
            messages.add(message);
            if (messages.size() > 2 * TAIL) {
                messages.subList(0, messages.size() - TAIL).clear();
            }
            return true;
        }

        synchronized Optional<List<Message>> slice(long fromSeq, long toSeq) {
            long first = messages.isEmpty() ? 1 : messages.get(0).seq();
            if (fromSeq < first && first > 1) {
                return Optional.empty();
            }
            return Optional.of(messages.stream()
                    .filter(m -> m.seq() >= fromSeq && m.seq() <= toSeq)
                    .toList());
        }
    }
}
