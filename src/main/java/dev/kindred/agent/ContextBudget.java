package dev.kindred.agent;

import dev.kindred.agent.tools.ToolSet;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentStore;
import dev.kindred.model.ModelException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's compiled context, kept within its token budget: while it is over, the oldest part of the
 * window is summarised (up to three times a compile).
 */
final class ContextBudget {
    private static final Logger LOG = LoggerFactory.getLogger(ContextBudget.class);
    private static final int MAX_SUMMARIES = 3;

    private final ContextCompiler compiler;
    private final Summarizer summarizer;
    private final TokenCounter tokens;
    private final AgentStore agents;
    private final TurnPolicy policy;
    private final Function<Agent, ToolSet> tools;

    ContextBudget(
            ContextCompiler compiler,
            Summarizer summarizer,
            TokenCounter tokens,
            AgentStore agents,
            TurnPolicy policy,
            Function<Agent, ToolSet> tools) {
        this.compiler = compiler;
        this.summarizer = summarizer;
        this.tokens = tokens;
        this.agents = agents;
        this.policy = policy;
        this.tools = tools;
    }

    /** The context, summarised while over budget; when a summary cannot be made, the context as it is. */
    ContextCompiler.Compiled withinBudget(Agent agent, TurnScope turn) {
        ContextCompiler.Compiled compiled = compile(agent, turn);
        for (int round = 0;
                round < MAX_SUMMARIES
                        && !tokens.fits(compiled, policy.budget(compiled.agent().model()));
                round++) {
            Agent summarised;
            try {
                summarised = summarizer
                        .summarise(compiled.agent(), compiled.window(), turn.firstInbound())
                        .orElse(null);
            } catch (ModelException e) {
                LOG.warn("summary for agent {} failed: {}", agent.id(), e.getMessage());
                summarised = null;
            }
            if (summarised == null) {
                return compile(agents.get(agent.id()).orElse(agent), turn);
            }
            compiled = compile(summarised, turn);
        }
        return compiled;
    }

    /** The context as it is (a later step of a turn: the budget was checked when the turn began). */
    ContextCompiler.Compiled compile(Agent agent, TurnScope turn) {
        return compiler.compile(
                agent,
                tools.apply(agent),
                turn,
                policy.defaults().maxOutputTokens(),
                policy.clock().instant());
    }
}
