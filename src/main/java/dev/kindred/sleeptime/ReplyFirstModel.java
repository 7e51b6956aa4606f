package dev.kindred.sleeptime;

import dev.kindred.agent.ReplyGate;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;

/**
 * The sleeptime model, handing each answer over only once the {@link ReplyGate} is quiet: a run applies
 * an answer (step log, block edits, history) as soon as it has it, and that store work should not land
 * on top of reply turns.
 */
final class ReplyFirstModel implements ChatModel {
    private final ChatModel model;
    private final ReplyGate gate;

    ReplyFirstModel(ChatModel model, ReplyGate gate) {
        this.model = model;
        this.gate = gate;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ChatResponse response = model.chat(request);
        gate.whenQuiet().join();
        return response;
    }
}
