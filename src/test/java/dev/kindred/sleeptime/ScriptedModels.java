package dev.kindred.sleeptime;

import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.StopReason;
import dev.kindred.model.ToolCall;
import dev.kindred.model.Usage;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted test double of a model, not a product feature. Requests carrying the sleeptime
 * instructions are answered from the sleeptime script, in order; the primary's requests get
 * {@code primaryReply}. Every sleeptime request is kept for assertions.
 */
final class ScriptedModels implements ChatModel {
    private final ConcurrentLinkedDeque<Function<ChatRequest, ChatResponse>> sleeptime = new ConcurrentLinkedDeque<>();
    final List<ChatRequest> sleeptimeRequests = new CopyOnWriteArrayList<>();
    final List<ChatRequest> primaryRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Function<ChatRequest, ChatResponse> otherwise = r -> call(r, "memory_finish_edits", "{}");

    static boolean isSleeptime(ChatRequest request) {
        return !request.system().isEmpty() && request.system().get(0).text().equals(SleeptimeInstructions.TEXT);
    }

    ScriptedModels tool(String name, String json) {
        sleeptime.add(r -> call(r, name, json));
        return this;
    }

    ScriptedModels then(Function<ChatRequest, ChatResponse> step) {
        sleeptime.add(step);
        return this;
    }

    ScriptedModels otherwise(Function<ChatRequest, ChatResponse> step) {
        otherwise = step;
        return this;
    }

    ChatResponse call(ChatRequest request, String name, String json) {
        ToolCall call = new ToolCall("call_" + ids.incrementAndGet(), name, json);
        return new ChatResponse("", List.of(call), StopReason.TOOL_USE, new Usage(100, 0, 0, 10), request.model());
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        if (!isSleeptime(request)) {
            primaryRequests.add(request);
            return new ChatResponse("ok", List.of(), StopReason.END_TURN, new Usage(50, 0, 0, 5), request.model());
        }
        sleeptimeRequests.add(request);
        Function<ChatRequest, ChatResponse> step = sleeptime.poll();
        return (step == null ? otherwise : step).apply(request);
    }

    /** The transcript section of a sleeptime request's prompt. */
    static String transcriptOf(ChatRequest request) {
        String prompt = request.messages().get(0).text();
        return prompt.substring(prompt.indexOf("Conversation to review"));
    }
}
