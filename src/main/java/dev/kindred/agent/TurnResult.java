package dev.kindred.agent;

import dev.kindred.model.Usage;

/**
 * How a turn ended. {@code reply} is the text for the person (for a failure, a short message they can
 * act on); {@code usage} adds up every model call of the turn.
 */
public record TurnResult(Status status, String agentId, String channelId, String reply, Usage usage) {
    public enum Status {
        /** The model answered. */
        REPLIED,
        /** The step limit stopped a runaway tool loop; {@code reply} says so. */
        STEP_LIMIT,
        /** The model call failed; the person's message is stored and the next turn sees it. */
        FAILED,
        /** The message had already been received; nothing was done. */
        DUPLICATE
    }

    public boolean hasReply() {
        return status != Status.DUPLICATE && !reply.isBlank();
    }
}
