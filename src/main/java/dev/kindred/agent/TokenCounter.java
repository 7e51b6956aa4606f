package dev.kindred.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.kindred.memory.Message;
import dev.kindred.memory.ToolInvocation;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.SystemPart;
import dev.kindred.model.ToolDefinition;
import java.time.Instant;
import java.util.List;

/**
 * Counts tokens with OpenAI's o200k encoding; other providers' tokenizers differ, so their counts are
 * scaled by a measured-ish factor (Claude's tokenizer yields roughly 15% more).
 *
 * <p>A window near its budget is thousands of messages, and its context is checked several times a
 * turn, so counts are remembered: per stored message (messages never change, except to be erased),
 * per instructions and memory text, and per tool (which change rarely). Each agent's last window is
 * remembered with running totals too, so a check counts only the messages that follow the run of
 * the same instances (see {@link HistoryMapper}) instead of looking at every message again.
 */
public final class TokenCounter {
    /** The role marker, and for user lines the "[Mon 2025-01-06 10:00] Name: " before the text. */
    private static final int PER_MESSAGE_OVERHEAD = 16;
    /** Messages of windows remembered over all agents. */
    private static final long MAX_REMEMBERED = 200_000;

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private final Cache<MessageKey, Integer> byMessage =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(200_000).build();
    private final Cache<String, Integer> byText =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(1_000).build();
    private final Cache<ToolDefinition, Integer> byTool =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(100).build();

    private final Cache<String, Counted> windows = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(MAX_REMEMBERED)
            .<String, Counted>weigher((agentId, counted) -> counted.window().size() + 1)
            .build();

    /** A window as it was counted: {@code sums[i]} is the tokens of its first {@code i} messages. */
    private record Counted(List<Message> window, long[] sums) {}

    /** A message's id with its time: an agent that was reset numbers its new messages from 1 again. */
    private record MessageKey(String id, Instant createdAt) {}

    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    /** A stored message as the context shows it: its text, its tool calls and its framing. */
    public int count(Message message) {
        if (message.erased()) {
            return PER_MESSAGE_OVERHEAD + 8;
        }
        return byMessage.get(new MessageKey(message.id(), message.createdAt()), key -> {
            int total = PER_MESSAGE_OVERHEAD + count(message.content());
            for (ToolInvocation call : message.toolCalls()) {
                total += count(call.name()) + count(call.arguments());
            }
            return total;
        });
    }

    /** Whether the compiled context fits in {@code budget} tokens. */
    public boolean fits(ContextCompiler.Compiled compiled, int budget) {
        ChatRequest request = compiled.request();
        long total = remembered(compiled.summaryNote());
        for (SystemPart part : request.system()) {
            total += remembered(part.text());
        }
        for (ToolDefinition tool : request.tools()) {
            total += byTool.get(
                    tool,
                    t -> count(t.name())
                            + count(t.description())
                            + count(t.parameters().toString()));
        }
        total += count(compiled.window());
        return Math.ceil(total * factor(request.provider())) <= budget;
    }

    /** The tokens of one agent's window of messages, in order. */
    long count(List<Message> window) {
        if (window.isEmpty()) {
            return 0;
        }
        String agentId = window.get(0).agentId();
        Counted before = windows.getIfPresent(agentId);
        int same = before == null ? 0 : SameInstances.prefix(before.window(), window);
        long[] sums = new long[window.size() + 1];
        if (same > 0) {
            System.arraycopy(before.sums(), 0, sums, 0, same + 1);
        }
        for (int i = same; i < window.size(); i++) {
            sums[i + 1] = sums[i] + count(window.get(i));
        }
        windows.put(agentId, new Counted(List.copyOf(window), sums));
        return sums[window.size()];
    }

    private int remembered(String text) {
        return text.isEmpty() ? 0 : byText.get(text, this::count);
    }

    private static double factor(String provider) {
        return switch (provider) {
            case "anthropic" -> 1.15;
            case "gemini" -> 1.05;
            default -> 1.0;
        };
    }
}
