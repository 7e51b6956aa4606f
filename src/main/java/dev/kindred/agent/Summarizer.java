package dev.kindred.agent;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentStore;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.Message;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.RecallMemory;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.SystemPart;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Moves an agent's window forward when its context is over budget: the oldest part of the window
 * (about 40% of its tokens, cut only where a user message starts, so a tool call is never separated
 * from its result) is summarised into a new summary that folds in the previous one. The summary is
 * stored in recall too; no message is ever deleted.
 */
final class Summarizer {
    private static final double SHARE = 0.4;
    private static final int SUMMARY_TOKENS = 1024;
    private static final String INSTRUCTIONS = """
            You keep the running summary of a conversation between an AI companion and the people it talks \
            with. Fold the new part of the conversation into the previous summary. Keep names, facts about \
            people, commitments, open questions and feelings that matter; write absolute dates; drop small \
            talk. Answer with the new summary only, at most 300 words.""";

    private final AgentStore agents;
    private final RecallMemory recall;
    private final ChatModel model;
    private final UsageMeter usage;
    private final TokenCounter tokens;
    private final Clock clock;

    Summarizer(
            AgentStore agents,
            RecallMemory recall,
            ChatModel model,
            UsageMeter usage,
            TokenCounter tokens,
            Clock clock) {
        this.agents = agents;
        this.recall = recall;
        this.model = model;
        this.usage = usage;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Summarises the oldest part of {@code window} before {@code keepFromSeq}, and moves the window
     * unless it changed while the summary was written (a reset or a privacy erasure, which stand).
     * Empty when nothing moved.
     */
    Optional<Agent> summarise(Agent agent, List<Message> window, long keepFromSeq) {
        int cut = cutIndex(window, keepFromSeq);
        if (cut <= 0 || cut >= window.size()) {
            return Optional.empty();
        }
        List<Message> folded = window.subList(0, cut);
        ChatResponse response = model.chat(request(agent, folded));
        usage.record(agent.id(), response.model(), response.usage());
        String summary = response.text().trim();
        if (summary.isBlank()) {
            return Optional.empty();
        }
        ContextWindow moved = new ContextWindow(window.get(cut).seq(), summary);
        Agent updated = agents.update(agent.id(), a -> a.window().equals(agent.window()) ? a.withWindow(moved) : a);
        if (!updated.window().equals(moved)) {
            return Optional.empty(); // a reset or a privacy erasure changed the window meanwhile: it stands
        }
        recall.append(NewMessage.text(agent.id(), Role.SUMMARY, summary, Speaker.AGENT, "summary", clock.instant()));
        return Optional.of(updated);
    }

    private int cutIndex(List<Message> window, long keepFromSeq) {
        long total = tokens.count(window);
        long seen = 0;
        int lastUserStart = -1;
        for (int i = 0; i < window.size() && window.get(i).seq() < keepFromSeq; i++) {
            Message m = window.get(i);
            if (i > 0 && m.role() == Role.USER) {
                lastUserStart = i;
                if (seen >= total * SHARE) {
                    return i;
                }
            }
            seen += tokens.count(m);
        }
        int turnStart = indexOfSeq(window, keepFromSeq);
        return lastUserStart > 0 ? lastUserStart : turnStart;
    }

    private static int indexOfSeq(List<Message> window, long seq) {
        for (int i = 0; i < window.size(); i++) {
            if (window.get(i).seq() >= seq) {
                return i;
            }
        }
        return window.size();
    }

    private ChatRequest request(Agent agent, List<Message> folded) {
        String previous = agent.window().summary().isBlank()
                ? "(none yet)"
                : agent.window().summary();
        String prompt = "Previous summary:\n" + previous + "\n\nConversation to fold in:\n"
                + Transcript.render(folded, ZoneId.of(agent.timezone())) + "\nWrite the new summary.";
        String summaryModel =
                agent.sleeptime().model() != null ? agent.sleeptime().model() : agent.model();
        return new ChatRequest(
                summaryModel,
                List.of(new SystemPart(INSTRUCTIONS, false)),
                List.of(),
                List.of(ChatMessage.user(prompt)),
                SUMMARY_TOKENS);
    }
}
