package dev.kindred.discord;

import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.StopReason;
import dev.kindred.model.Usage;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted test double of a chat model, not a product feature: each test queues the answers it
 * wants, in order, and may run a check at the moment of the call. Requests are kept for assertions.
 */
final class ScriptedChat implements ChatModel {
    static final Usage USAGE = new Usage(100, 0, 0, 20);

    private final ConcurrentLinkedQueue<Function<ChatRequest, ChatResponse>> script = new ConcurrentLinkedQueue<>();
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedChat reply(String text) {
        return then(request -> new ChatResponse(text, List.of(), StopReason.END_TURN, USAGE, request.model()));
    }

    ScriptedChat then(Function<ChatRequest, ChatResponse> step) {
        script.add(step);
        return this;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.add(request);
        Function<ChatRequest, ChatResponse> step = script.poll();
        if (step == null) {
            throw new AssertionError("unscripted model call");
        }
        return step.apply(request);
    }
}
