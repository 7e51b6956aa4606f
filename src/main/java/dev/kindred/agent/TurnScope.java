package dev.kindred.agent;

import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Where the turn being compiled stands among the stored messages. Messages are numbered as they are
 * stored, so a message that arrived while the previous turn was running is numbered before that
 * turn's tool calls and reply; the conversation had it after them, and so does the context, ending
 * with the messages this turn answers. A message that arrives during this turn is the next turn's:
 * it is not shown yet, or the model would answer it twice.
 *
 * @param inbound the numbers of the messages this turn answers
 * @param storedBefore the last number stored before the turn started; later ones are this turn's
 *     own steps, or messages for the next turn
 * @param held this turn's steps not stored yet (see {@link TurnWrites}), shown last
 */
record TurnScope(Set<Long> inbound, long storedBefore, List<Message> held) {
    /** The start of a turn answering the {@code inbound} messages. */
    TurnScope(Set<Long> inbound, long storedBefore) {
        this(inbound, storedBefore, List.of());
    }

    /** The check after a turn: the messages still {@code waiting} are the next turn's, kept out of a summary. */
    static TurnScope afterTurn(Set<Long> waiting) {
        return new TurnScope(waiting, Long.MAX_VALUE);
    }

    /** The same turn, a step further on. */
    TurnScope holding(List<Message> steps) {
        return new TurnScope(inbound, storedBefore, steps);
    }

    /** The window in conversation order, and the index at which this turn's messages begin. */
    record Arranged(List<Message> messages, int turnStart) {}

    /** The lowest number of this turn's messages: a summary folds only what comes before it. */
    long firstInbound() {
        return inbound.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    }

    /**
     * Arranges a window in the store's order (by number). The messages before the first one this turn
     * answers or made are the earlier conversation as they stand; they are found by their numbers
     * without looking at the others, which matters when the window is thousands of messages.
     */
    Arranged arrange(List<Message> window) {
        long firstInbound = firstInbound();
        long lastInbound = inbound.stream().mapToLong(Long::longValue).max().orElse(Long.MAX_VALUE);
        int settled = firstIndex(window, seq -> seq >= firstInbound || seq > storedBefore);
        List<Message> earlier = new ArrayList<>(window.subList(0, settled));
        List<Message> turn = new ArrayList<>();
        List<Message> own = new ArrayList<>();
        for (Message m : window.subList(settled, window.size())) {
            boolean forNextTurn = m.role() == Role.USER && m.seq() > lastInbound && !inbound.contains(m.seq());
            if (inbound.contains(m.seq())) {
                turn.add(m);
            } else if (forNextTurn) {
                continue;
            } else if (m.seq() > storedBefore) {
                own.add(m);
            } else {
                earlier.add(m);
            }
        }
        List<Message> arranged = earlier;
        int turnStart = earlier.size();
        arranged.addAll(turn);
        arranged.addAll(own);
        arranged.addAll(held);
        return new Arranged(arranged, turnStart);
    }

    /** The first index whose message's number passes {@code test}, which holds from some index on. */
    private static int firstIndex(List<Message> byNumber, LongPredicate test) {
        int low = 0;
        int high = byNumber.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (test.test(byNumber.get(middle).seq())) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
