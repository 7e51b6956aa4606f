package dev.kindred.memory;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Agents. Names are unique within a scope. */
public interface AgentStore {

    /** @throws UserInputException when the scope already has an agent of that name */
    Agent create(NewAgent spec);

    Optional<Agent> get(String agentId);

    Optional<Agent> findByName(AgentScope scope, String name);

    List<Agent> list(AgentScope scope);

    /** The ids of the servers that have at least one agent. */
    List<String> guildsWithAgents();

    /**
     * Applies {@code change} to the current agent and stores the result with compare-and-set on the
     * version, re-reading and re-applying when another writer got there first.
     */
    Agent update(String agentId, UnaryOperator<Agent> change);

    /**
     * Deletes the agent record and the records kept only for it outside the memory stores (its
     * message vectors and sleeptime jobs, counters and lease), the agent record last. Its usage stays:
     * token counts and cost, with nothing anybody said in it. Callers erase its blocks, messages and
     * passages first.
     */
    void delete(String agentId);
}
