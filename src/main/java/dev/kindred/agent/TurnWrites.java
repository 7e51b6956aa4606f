package dev.kindred.agent;

import dev.kindred.memory.Message;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.ToolInvocation;
import dev.kindred.model.ToolCall;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a turn stores as it goes, in the turn's channel. A step whose tools only read (a search) is
 * held and stored with the turn's next write, usually its reply: running it again after a crash
 * changes nothing, and the turn saves a round trip. A step whose tools may change memory is stored as
 * soon as they have run, together with anything held, so its record is never later than its effect
 * by more than that write.
 */
final class TurnWrites {
    private final RecallMemory recall;
    private final String agentId;
    private final String channelId;
    private final Clock clock;
    private final List<NewMessage> held = new ArrayList<>();

    TurnWrites(RecallMemory recall, String agentId, String channelId, Clock clock) {
        this.recall = recall;
        this.agentId = agentId;
        this.channelId = channelId;
        this.clock = clock;
    }

    /**
     * A step: the model's {@code text} and {@code calls}, then each call's result (as JSON, in call
     * order); stored now unless every one of its tools {@code onlyReads}.
     */
    void step(String text, List<ToolCall> calls, List<String> results, boolean onlyReads) {
        held.add(message(Role.ASSISTANT, text, invocations(calls), null, Speaker.AGENT));
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            held.add(message(Role.TOOL, results.get(i), List.of(), call.id(), new Speaker("tool", call.name())));
        }
        if (!onlyReads) {
            flush();
        }
    }

    /** The turn's last message (its reply, or a note from Kindred), stored with whatever is held. */
    void last(Role role, String text) {
        held.add(message(role, text, List.of(), null, Speaker.AGENT));
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

    private NewMessage message(
            Role role, String text, List<ToolInvocation> calls, @Nullable String toolCallId, Speaker speaker) {
        return new NewMessage(agentId, role, text, speaker, channelId, calls, toolCallId, null, clock.instant());
    }

    private static List<ToolInvocation> invocations(List<ToolCall> calls) {
        return calls.stream()
                .map(c -> new ToolInvocation(c.id(), c.name(), c.arguments()))
                .toList();
    }
}
