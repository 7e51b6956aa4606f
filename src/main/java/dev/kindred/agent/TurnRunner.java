package dev.kindred.agent;

import dev.kindred.agent.tools.ToolContext;
import dev.kindred.agent.tools.ToolResult;
import dev.kindred.agent.tools.ToolSet;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.ModelException;
import dev.kindred.model.ToolCall;
import dev.kindred.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one turn of one agent: compile the context, call the model, run the tools it asks for, and
 * repeat until it answers in plain text or the step limit is reached. Every message is stored as it
 * happens (see {@link TurnWrites}), a step's tool calls together with their results; a model failure
 * ends the turn with a clear message and leaves everything stored in place.
 */
final class TurnRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TurnRunner.class);

    private final AgentServices services;
    private final ChatModel model;
    private final TurnPolicy policy;
    private final ContextBudget context;
    private final BlockEditor editor;
    // built once each: a tool set is stateless, and building one renders every JSON schema
    private final ToolSet toolsWithEditing;
    private final ToolSet toolsWithoutEditing;
    private final PendingUsage usage = new PendingUsage();

    TurnRunner(AgentServices services, ChatModel model, TurnPolicy policy, MemorySnapshots snapshots) {
        this.services = services;
        this.model = model;
        this.policy = policy;
        this.editor = new BlockEditor(services.blocks(), policy.defaults().blockLimit());
        this.toolsWithEditing = ToolSet.primary(editor, services.archival(), services.recall(), true);
        this.toolsWithoutEditing = ToolSet.primary(editor, services.archival(), services.recall(), false);
        TokenCounter tokens = new TokenCounter();
        this.context = new ContextBudget(
                new ContextCompiler(services.blocks(), services.messages(), services.passages(), snapshots),
                new Summarizer(services.agents(), services.recall(), model, usage, tokens, policy.clock()),
                tokens,
                services.agents(),
                policy,
                this::toolsFor);
    }

    /** The editor the agent's tools use, with the configured limit for new blocks. */
    BlockEditor editor() {
        return editor;
    }

    /** Runs a turn over the stored inbound messages (one agent, one channel, oldest first). */
    TurnResult run(List<Message> inbound) {
        Message last = inbound.get(inbound.size() - 1);
        Agent agent = services.agents().get(last.agentId()).orElse(null);
        if (agent == null) {
            return new TurnResult(
                    TurnResult.Status.FAILED,
                    last.agentId(),
                    last.channelId(),
                    "This agent no longer exists.",
                    Usage.ZERO);
        }
        inbound.forEach(m ->
                editor.ensureMemberBlock(agent, m.speaker(), policy.defaults().human()));
        TurnScope turn = new TurnScope(
                inbound.stream().map(Message::seq).collect(Collectors.toUnmodifiableSet()),
                services.messages().lastSeq(agent.id()));
        ContextCompiler.Compiled first = context.withinBudget(agent, turn);
        services.checkpoint().commitSoon(); // the inbound messages become durable while the model thinks
        return loop(first, turn, new TurnSpeakers(inbound), last);
    }

    /**
     * After a turn, off the reply path: moves the window when the next turn's context would be over
     * budget (never past the messages still {@code waiting} for their turn), writes what the model
     * calls used, and makes it all durable.
     */
    void afterTurn(String agentId, Set<Long> waiting) {
        try {
            services.agents()
                    .get(agentId)
                    .ifPresent(agent -> context.withinBudget(agent, TurnScope.afterTurn(waiting)));
            usage.writeTo(services.usage());
        } finally {
            services.checkpoint().commit();
        }
    }

    private TurnResult loop(ContextCompiler.Compiled first, TurnScope turn, TurnSpeakers speakers, Message last) {
        Agent agent = first.agent();
        ToolSet tools = toolsFor(agent);
        BlockReads reads = new BlockReads();
        TurnWrites writes = new TurnWrites(services.recall(), agent.id(), last.channelId(), policy.clock());
        Usage used = Usage.ZERO;
        String lastText = "";
        for (int step = 1; step <= policy.defaults().maxSteps(); step++) {
            ChatRequest request = step == 1
                    ? first.request()
                    : context.compile(agent, turn.holding(writes.held())).request();
            ChatResponse response;
            try {
                response = call(agent, request);
            } catch (ModelException e) {
                LOG.warn("model call failed for agent {}: {}", agent.id(), e.getMessage());
                writes.flush();
                return new TurnResult(TurnResult.Status.FAILED, agent.id(), last.channelId(), failureMessage(e), used);
            }
            used = used.plus(response.usage());
            usage.record(agent.id(), response.model(), response.usage());
            if (!response.hasToolCalls()) {
                writes.last(Role.ASSISTANT, response.text());
                return new TurnResult(TurnResult.Status.REPLIED, agent.id(), last.channelId(), response.text(), used);
            }
            lastText = response.text().isBlank() ? lastText : response.text();
            writes.step(
                    response.text(),
                    response.toolCalls(),
                    runTools(agent, last, response.toolCalls(), tools, speakers, reads),
                    response.toolCalls().stream().allMatch(c -> tools.onlyReads(c.name())));
        }
        String note = "Stopped after " + policy.defaults().maxSteps() + " model calls in one turn.";
        writes.last(Role.SYSTEM, note);
        String reply =
                lastText.isBlank() ? "I got caught up in my own thoughts there. Could you say that again?" : lastText;
        return new TurnResult(TurnResult.Status.STEP_LIMIT, agent.id(), last.channelId(), reply, used);
    }

    /** Runs a step's tool calls; their results as JSON, in call order. */
    private List<String> runTools(
            Agent agent, Message last, List<ToolCall> calls, ToolSet tools, TurnSpeakers speakers, BlockReads reads) {
        List<String> results = new ArrayList<>();
        for (ToolCall call : calls) {
            results.add(speakers.of(call)
                    .map(speaker -> tools.call(
                            call.name(),
                            call.arguments(),
                            new ToolContext(
                                    agent,
                                    speaker,
                                    Authors.AGENT,
                                    policy.clock().instant(),
                                    reads,
                                    last.channelId())))
                    .orElseGet(() -> ToolResult.failed(speakers.refusal(call)))
                    .toJson());
        }
        return results;
    }

    private ChatResponse call(Agent agent, ChatRequest request) {
        try {
            return model.chat(request);
        } catch (ModelException e) {
            if (agent.fallbackModel() == null) {
                throw e;
            }
            LOG.warn(
                    "agent {}: {} failed ({}), trying fallback {}",
                    agent.id(),
                    agent.model(),
                    e.kind(),
                    agent.fallbackModel());
            return model.chat(request.withModel(agent.fallbackModel()));
        }
    }

    private ToolSet toolsFor(Agent agent) {
        return agent.sleeptime().enabled() ? toolsWithoutEditing : toolsWithEditing;
    }

    private static String failureMessage(ModelException e) {
        return "I couldn't answer just now: " + e.getMessage() + ". Your message is saved; I'll see it next time.";
    }
}
