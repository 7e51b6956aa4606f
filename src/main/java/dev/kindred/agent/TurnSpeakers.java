package dev.kindred.agent;

import dev.kindred.agent.tools.ToolArgs;
import dev.kindred.memory.Message;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.UserInputException;
import dev.kindred.model.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whose own {@code human} block a tool call of this turn means in a server agent: the member its
 * {@code "member"} argument names, or else whoever spoke last. Only the people this turn answers can
 * be named, so one person's message never makes the agent write into someone else's block.
 */
final class TurnSpeakers {
    private final Map<String, Speaker> byId = new LinkedHashMap<>();
    private final Speaker last;

    TurnSpeakers(List<Message> inbound) {
        inbound.forEach(m -> byId.put(m.speaker().id(), m.speaker()));
        this.last = inbound.get(inbound.size() - 1).speaker();
    }

    /** The speaker the call means; empty when it names someone this turn does not answer. */
    Optional<Speaker> of(ToolCall call) {
        return member(call).map(id -> Optional.ofNullable(byId.get(id))).orElse(Optional.of(last));
    }

    /** Why a call was refused when {@link #of} is empty. */
    String refusal(ToolCall call) {
        return "member " + member(call).orElse("") + " did not write any of the messages you are answering; "
                + "you can edit the human block of " + String.join(", ", byId.keySet()) + " only";
    }

    private static Optional<String> member(ToolCall call) {
        if (!call.arguments().contains("\"member\"")) {
            return Optional.empty(); // most calls: no second parse of their arguments on the turn's path
        }
        try {
            return ToolArgs.parse(call.arguments()).optionalString("member").filter(id -> !id.isBlank());
        } catch (UserInputException malformed) {
            return Optional.empty(); // the tool itself reports the malformed arguments
        }
    }
}
