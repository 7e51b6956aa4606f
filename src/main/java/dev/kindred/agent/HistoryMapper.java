package dev.kindred.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.ToolInvocation;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ContentPart;
import dev.kindred.model.ToolCall;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the messages in the window into chat messages: user text with its time and speaker, assistant
 * text and tool calls, tool results grouped after their calls. A call whose result never got stored
 * (a crash mid-turn) gets a failed result, so providers always see calls and results paired.
 *
 * <p>A context is compiled two or three times a turn, over a window of hundreds or thousands of
 * messages, and a turn usually starts after the machine has idled, with its caches cold: touching
 * every message again costs more than anything done with it. Consecutive compiles of one agent share
 * most of their window as the very same {@code Message} instances (the store's tail hands out the
 * same instances until a message changes; an erased message is a new instance). So the mapper keeps
 * each agent's last mapping and resumes it after the longest run of the same instances, at a message
 * where no tool call was waiting for its result: a compile maps only what is new since the last.
 */
final class HistoryMapper {
    /** Messages remembered over all agents. */
    private static final long MAX_REMEMBERED = 200_000;

    /**
     * A mapping as it was made: its input, its output, and for each input message how much output came
     * before it (after results waiting for a non-tool message were flushed).
     */
    private record Mapping(
            ZoneId zone, boolean showSpeakerIds, List<Message> in, List<ChatMessage> out, int[] outBefore) {}

    private final Cache<String, Mapping> last = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(MAX_REMEMBERED)
            .<String, Mapping>weigher((agentId, mapping) -> mapping.in().size() + 1)
            .build();

    /** The chat messages, and how many of them come from the messages before the boundary. */
    record Mapped(List<ChatMessage> messages, int beforeBoundary) {}

    /**
     * Maps {@code messages} (one agent's, in this order); {@code boundary} is the index where the
     * current turn starts.
     */
    Mapped map(List<Message> messages, ZoneId zone, boolean showSpeakerIds, int boundary) {
        if (messages.isEmpty()) {
            return new Mapped(List.of(), 0);
        }
        String agentId = messages.get(0).agentId();
        Mapping before = last.getIfPresent(agentId);
        int resume = before == null || !before.zone().equals(zone) || before.showSpeakerIds() != showSpeakerIds
                ? 0
                : resumeAt(before, messages);
        List<ChatMessage> out = new ArrayList<>(messages.size() + 8);
        int[] outBefore = new int[messages.size()];
        if (resume > 0) {
            out.addAll(before.out().subList(0, before.outBefore()[resume]));
            System.arraycopy(before.outBefore(), 0, outBefore, 0, resume);
        }
        Set<String> openCalls = new HashSet<>();
        List<ContentPart> results = new ArrayList<>();
        for (int i = resume; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.role() != Role.TOOL) {
                flushResults(out, results, openCalls);
            }
            outBefore[i] = out.size();
            switch (m.role()) {
                case USER, SYSTEM -> out.add(chatMessage(m, zone, showSpeakerIds));
                case ASSISTANT -> {
                    out.add(chatMessage(m, zone, showSpeakerIds));
                    m.toolCalls().forEach(call -> openCalls.add(call.id()));
                }
                case TOOL -> {
                    if (m.toolCallId() != null && openCalls.remove(m.toolCallId())) {
                        results.add(new ContentPart.ToolResult(
                                m.toolCallId(), m.speaker().name(), m.content(), false));
                    }
                }
                case SUMMARY -> {
                    // the current summary is rendered ahead of the window; older ones stay in recall only
                }
            }
        }
        flushResults(out, results, openCalls);
        List<ChatMessage> mapped = Collections.unmodifiableList(out);
        last.put(agentId, new Mapping(zone, showSpeakerIds, List.copyOf(messages), mapped, outBefore));
        return new Mapped(mapped, boundary < messages.size() ? outBefore[boundary] : out.size());
    }

    /**
     * Where mapping can resume: the last message of the shared run of instances that no tool result
     * follows mid-flight (a non-tool message, before which waiting results were flushed); 0 for none.
     */
    private static int resumeAt(Mapping before, List<Message> messages) {
        int resume = SameInstances.prefix(before.in(), messages) - 1;
        while (resume > 0 && before.in().get(resume).role() == Role.TOOL) {
            resume--;
        }
        return Math.max(0, resume);
    }

    private static ChatMessage chatMessage(Message m, ZoneId zone, boolean showSpeakerIds) {
        return switch (m.role()) {
            case USER -> ChatMessage.user(userLine(m, zone, showSpeakerIds));
            case ASSISTANT -> assistant(m);
            case SYSTEM -> ChatMessage.user("[note from Kindred] " + m.content());
            case TOOL, SUMMARY -> throw new IllegalArgumentException("mapped with their calls: " + m.role());
        };
    }

    private static String userLine(Message m, ZoneId zone, boolean showSpeakerIds) {
        String who = showSpeakerIds
                ? m.speaker().name() + " (id " + m.speaker().id() + ")"
                : m.speaker().name();
        String text = m.erased() ? "[message erased at the author's request]" : m.content();
        StringBuilder line = new StringBuilder(who.length() + text.length() + 28).append('[');
        return LineStamp.append(line, m.createdAt(), zone)
                .append("] ")
                .append(who)
                .append(": ")
                .append(text)
                .toString();
    }

    private static ChatMessage assistant(Message m) {
        List<ContentPart> parts = new ArrayList<>();
        if (!m.content().isBlank()) {
            parts.add(new ContentPart.Text(m.content()));
        }
        for (ToolInvocation call : m.toolCalls()) {
            parts.add(new ContentPart.ToolUse(new ToolCall(call.id(), call.name(), call.arguments())));
        }
        if (parts.isEmpty()) {
            parts.add(new ContentPart.Text("(no reply)"));
        }
        return new ChatMessage(ChatMessage.Role.ASSISTANT, parts, false);
    }

    private static void flushResults(List<ChatMessage> out, List<ContentPart> results, Set<String> openCalls) {
        for (String callId : openCalls) {
            results.add(new ContentPart.ToolResult(
                    callId, "unknown", "{\"status\":\"Failed\",\"message\":\"interrupted\"}", true));
        }
        openCalls.clear();
        if (!results.isEmpty()) {
            out.add(new ChatMessage(ChatMessage.Role.TOOL, results, false));
            results.clear();
        }
    }
}
