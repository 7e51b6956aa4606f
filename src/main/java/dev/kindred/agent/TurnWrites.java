package dev.kindred.agent;

import dev.kindred.memory.Message;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.RecallMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * What a turn stores as it goes. A step whose tools only read (a search) is held and stored with the
 * turn's next write, usually its reply: running it again after a crash changes nothing, and the turn
 * saves a round trip. A step whose tools may change memory is stored as soon as they have run,
 * together with anything held, so its record is never later than its effect by more than that write.
 */
final class TurnWrites {
    private final RecallMemory recall;
    private final List<NewMessage> held = new ArrayList<>();

    TurnWrites(RecallMemory recall) {
        this.recall = recall;
    }

    /** A step's calls and their results; stored now unless every one of its tools {@code onlyReads}. */
    void step(List<NewMessage> messages, boolean onlyReads) {
        held.addAll(messages);
        if (!onlyReads) {
            flush();
        }
    }

    /** The turn's last message (its reply or a note), stored with whatever is held, in one write. */
    void last(NewMessage message) {
        held.add(message);
        flush();
    }

    /** Stores what is held (a turn that ends without a last message, such as a failed model call). */
    void flush() {
        if (!held.isEmpty()) {
            recall.appendAll(List.copyOf(held));
            held.clear();
        }
    }

    /** The held messages as the context shows them; they get their numbers when they are stored. */
    List<Message> held() {
        return held.stream().map(m -> m.stored("", 0, m.createdAt())).toList();
    }
}
