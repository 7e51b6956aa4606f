package dev.kindred.agent;

import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.ModelException;
import dev.kindred.model.StopReason;
import dev.kindred.model.ToolCall;
import dev.kindred.model.Usage;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A scripted test double of a model, not a product feature: each test lists the answers it gives, in
 * order, and every request it received is kept for assertions. An unscripted call fails the test.
 */
public final class ScriptedModel implements ChatModel {
    private final ConcurrentLinkedDeque<Function<ChatRequest, ChatResponse>> script = new ConcurrentLinkedDeque<>();
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger callIds = new AtomicInteger();
    private volatile @Nullable Function<ChatRequest, ChatResponse> otherwise;

    public ScriptedModel reply(String text) {
        return then(request -> response(text, List.of(), request));
    }

    public ScriptedModel toolCall(String name, String argumentsJson) {
        return then(request ->
                response("", List.of(new ToolCall("call_" + callIds.incrementAndGet(), name, argumentsJson)), request));
    }

    public ScriptedModel fail(ModelException error) {
        return then(request -> {
            throw error;
        });
    }

    public ScriptedModel then(Function<ChatRequest, ChatResponse> step) {
        script.add(step);
        return this;
    }

    /** Answers every call the script does not cover with {@code step}. */
    public ScriptedModel otherwise(Function<ChatRequest, ChatResponse> step) {
        this.otherwise = step;
        return this;
    }

    public List<ChatRequest> requests() {
        return requests;
    }

    public ChatRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.add(request);
        Function<ChatRequest, ChatResponse> step = script.poll();
        if (step == null) {
            step = otherwise;
        }
        if (step == null) {
            throw new AssertionError("the model was called more often than the test scripted");
        }
        return step.apply(request);
    }

    public static ChatResponse response(String text, List<ToolCall> calls, ChatRequest request) {
        StopReason reason = calls.isEmpty() ? StopReason.END_TURN : StopReason.TOOL_USE;
        return new ChatResponse(text, calls, reason, new Usage(100, 0, 0, 10), request.model());
    }
}
