package dev.kindred.agent;

import dev.kindred.agent.tools.ToolSet;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.Message;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.PassageStore;
import dev.kindred.memory.Role;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.SystemPart;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles an agent's context, stable parts first so the provider can cache the prefix: instructions
 * (breakpoint), tools, memory (breakpoint, see {@link MemorySnapshots}), the summary of what left the
 * window, the messages in the window with a rolling breakpoint at the end of the previous turn, and
 * one at the very end so the next step of this turn reads it back.
 */
public final class ContextCompiler {
    static final int MAX_MEMBER_BLOCKS = 8;

    private final BlockStore blocks;
    private final MessageStore messages;
    private final PassageStore passages;
    private final MemorySnapshots snapshots;
    private final HistoryMapper mapper = new HistoryMapper();

    public ContextCompiler(BlockStore blocks, MessageStore messages, PassageStore passages, MemorySnapshots snapshots) {
        this.blocks = blocks;
        this.messages = messages;
        this.passages = passages;
        this.snapshots = snapshots;
    }

    /**
     * The request, the agent and the window's messages it was built from, and the note carrying the
     * summary ("" when none).
     */
    public record Compiled(Agent agent, ChatRequest request, List<Message> window, String summaryNote) {}

    Compiled compile(Agent agent, ToolSet tools, TurnScope turn, int maxTokens, Instant now) {
        ZoneId zone = ZoneId.of(agent.timezone());
        long start = agent.window().startSeq();
        List<Message> window = messages.range(agent.id(), start, Long.MAX_VALUE);
        Map<String, String> members = recentMembers(agent, window);
        List<Block> shown = new ArrayList<>(blocks.sharedBlocks(agent.id()));
        shown.addAll(blocks.memberBlocks(agent.id(), members.keySet()));
        String memory = snapshots.section(
                agent.id(), shown, start, now, () -> MemoryRenderer.render(shown, members, counts(agent), now, zone));
        List<SystemPart> system = List.of(
                new SystemPart(
                        Instructions.primary(
                                agent.name(), agent.instructions(), tools.canEditBlocks(), isServer(agent)),
                        true),
                new SystemPart(memory, true));
        List<ChatMessage> history = new ArrayList<>();
        String summaryNote = agent.window().summary().isBlank() ? "" : summaryNote(agent, start);
        if (!summaryNote.isEmpty()) {
            history.add(ChatMessage.user(summaryNote));
        }
        TurnScope.Arranged arranged = turn.arrange(window);
        HistoryMapper.Mapped mapped = mapper.map(arranged.messages(), zone, isServer(agent), arranged.turnStart());
        int beforeTurn = history.size() + mapped.beforeBoundary();
        history.addAll(mapped.messages());
        markBreakpoint(history, beforeTurn - 1);
        markBreakpoint(history, history.size() - 1);
        return new Compiled(
                agent,
                new ChatRequest(agent.model(), system, tools.definitions(), history, maxTokens),
                window,
                summaryNote);
    }

    private MemoryRenderer.Counts counts(Agent agent) {
        return new MemoryRenderer.Counts(messages.count(agent.id()), passages.count(agent.id()));
    }

    private static String summaryNote(Agent agent, long start) {
        return "Note: the " + Math.max(0, start - 1) + " messages before this point are hidden from view but kept in "
                + "recall memory (conversation_search finds them). Summary of them:\n"
                + agent.window().summary();
    }

    private static boolean isServer(Agent agent) {
        return agent.scope().kind() == AgentScope.Kind.GUILD;
    }

    /** The members who spoke in the window, newest first, at most {@link #MAX_MEMBER_BLOCKS}. */
    private static Map<String, String> recentMembers(Agent agent, List<Message> window) {
        Map<String, String> members = new LinkedHashMap<>();
        if (!isServer(agent)) {
            return members;
        }
        for (int i = window.size() - 1; i >= 0 && members.size() < MAX_MEMBER_BLOCKS; i--) {
            Message m = window.get(i);
            if (m.role() == Role.USER) {
                members.putIfAbsent(m.speaker().id(), m.speaker().name());
            }
        }
        return members;
    }

    private static void markBreakpoint(List<ChatMessage> history, int index) {
        if (index >= 0 && index < history.size()) {
            history.set(index, history.get(index).withCacheBreakpoint(true));
        }
    }
}
