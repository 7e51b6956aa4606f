package dev.kindred.agent;

import dev.kindred.config.AgentDefaults;
import dev.kindred.config.SleeptimeConfig;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.NewAgent;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.SleeptimeSettings;
import dev.kindred.memory.UserInputException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Creates agents from the configured template, resets their context window, and deletes them with
 * everything that is only theirs. A new agent gets its own {@code persona} block, and its own
 * {@code human} block unless it is a server agent (there {@code human} is per member, created on
 * first message).
 */
public final class AgentDirectory {
    private final AgentServices services;
    private final AgentDefaults defaults;
    private final SleeptimeConfig sleeptime;
    private final MemorySnapshots snapshots;

    public AgentDirectory(
            AgentServices services, AgentDefaults defaults, SleeptimeConfig sleeptime, MemorySnapshots snapshots) {
        this.services = services;
        this.defaults = defaults;
        this.sleeptime = sleeptime;
        this.snapshots = snapshots;
    }

    public Agent create(String name, AgentScope scope, String ownerId, String model) {
        SleeptimeSettings settings = new SleeptimeSettings(
                sleeptime.enabled(), sleeptime.frequency(), sleeptime.model().isBlank() ? null : sleeptime.model());
        Agent agent = services.agents()
                .create(new NewAgent(
                        name, scope, ownerId, model, null, defaults.instructions(), defaults.timezone(), settings));
        createBlock(agent, "persona", defaults.persona(), "Who I am: my personality, voice and values.");
        if (scope.kind() != AgentScope.Kind.GUILD) {
            createBlock(agent, BlockEditor.HUMAN, defaults.human(), "What I know about the person I talk with.");
        }
        services.checkpoint().commit();
        return agent;
    }

    /** The agent of that name in the scope, created from the template when absent. */
    public Agent findOrCreate(String name, AgentScope scope, String ownerId, String model) {
        return services.agents().findByName(scope, name).orElseGet(() -> create(name, scope, ownerId, model));
    }

    /** Empties the context window; every message stays in recall and memory is untouched. */
    public Agent reset(String agentId) {
        long last = services.messages().lastSeq(agentId);
        Agent agent = services.agents().update(agentId, a -> a.withWindow(new ContextWindow(last + 1, "")));
        snapshots.invalidate(agentId);
        services.checkpoint().commit();
        return agent;
    }

    /**
     * Deletes the agent with everything that is only its own. First its bindings, so nothing new
     * reaches it; then every block no other agent uses, members' own blocks included, with its
     * history (a block another agent uses is only detached from it); its messages and passages; and
     * last the agent record, with its message vectors and sleeptime jobs. The record goes last so that
     * a deletion cut short leaves the agent to be found and deleted again, and every step deletes only
     * what is still there, so that second run finishes the job. The agent's usage stays: token counts
     * and cost, with nothing anybody said in it.
     */
    public void delete(String agentId) {
        Agent agent = services.agents().get(agentId).orElseThrow(() -> new UserInputException("no such agent"));
        for (Binding binding : services.bindings().forAgent(agentId)) {
            services.bindings().unbind(binding.scopeKey());
        }
        services.blocks().purgeAgentBlocks(agentId, Set.of(agentId));
        services.messages().deleteAll(agentId);
        services.passages().deleteAll(agentId);
        services.recall().evict(agentId);
        services.archival().evict(agentId);
        services.agents().delete(agent.id());
        snapshots.invalidate(agentId);
        services.checkpoint().commit();
    }

    private void createBlock(Agent agent, String label, String value, @Nullable String description) {
        String text = value.strip();
        int limit = Math.max(defaults.blockLimit(), text.length());
        services.blocks()
                .create(
                        new NewBlock(
                                agent.id(), label, text, limit, description == null ? "" : description, false, null),
                        Authors.SYSTEM);
    }
}
