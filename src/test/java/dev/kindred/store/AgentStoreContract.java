package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.AgentStore;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.NewAgent;
import dev.kindred.memory.SleeptimeSettings;
import dev.kindred.memory.UserInputException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link AgentStore} does; an implementation's test supplies the store. */
public interface AgentStoreContract {
    AgentStore agents();

    static AgentScope freshScope() {
        return AgentScope.dm(UUID.randomUUID().toString());
    }

    static NewAgent newAgent(AgentScope scope, String name) {
        return new NewAgent(
                name,
                scope,
                "owner-1",
                "anthropic/claude-sonnet-4-5",
                null,
                "Be kind.",
                "Europe/Paris",
                SleeptimeSettings.defaults());
    }

    @Test
    default void createdAgentCanBeReadBackByIdAndByName() {
        AgentScope scope = freshScope();
        Agent created = agents().create(newAgent(scope, "Luna"));

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.window()).isEqualTo(ContextWindow.empty());
        assertThat(agents().get(created.id())).contains(created);
        assertThat(agents().findByName(scope, "luna")).contains(created);
    }

    @Test
    default void agentNamesAreUniquePerScopeRegardlessOfCase() {
        AgentScope scope = freshScope();
        Agent luna = agents().create(newAgent(scope, "Luna"));

        assertThatThrownBy(() -> agents().create(newAgent(scope, "LUNA")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("already an agent named 'LUNA'");
        assertThat(agents().list(scope)).containsExactly(luna);
    }

    @Test
    default void theSameNameInAnotherScopeIsAllowed() {
        Agent first = agents().create(newAgent(freshScope(), "Luna"));
        Agent second = agents().create(newAgent(freshScope(), "Luna"));

        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    default void listReturnsTheAgentsOfOneScopeOrderedByName() {
        AgentScope scope = freshScope();
        Agent sol = agents().create(newAgent(scope, "sol"));
        Agent ash = agents().create(newAgent(scope, "Ash"));
        agents().create(newAgent(freshScope(), "other"));

        assertThat(agents().list(scope)).containsExactly(ash, sol);
    }

    @Test
    default void updateMovesTheVersionAndIsSeenByTheNextRead() {
        Agent agent = agents().create(newAgent(freshScope(), "Luna"));
        agents().get(agent.id()); // warm any cache

        Agent updated = agents().update(agent.id(), a -> a.withWindow(new ContextWindow(42, "so far")));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(agent.createdAt());
        assertThat(agents().get(agent.id())).contains(updated);
    }

    @Test
    default void updateReappliesTheChangeWhenAnotherWriterGotThereFirst() {
        Agent agent = agents().create(newAgent(freshScope(), "Luna"));
        AtomicInteger calls = new AtomicInteger();

        Agent updated = agents().update(agent.id(), current -> {
            if (calls.incrementAndGet() == 1) {
                agents().update(agent.id(), other -> other.withInstructions("Be brief."));
            }
            return current.withModel("openai/gpt-4.1", null);
        });

        assertThat(calls).hasValue(2);
        assertThat(updated.version()).isEqualTo(3);
        assertThat(updated.instructions()).isEqualTo("Be brief.");
        assertThat(updated.model()).isEqualTo("openai/gpt-4.1");
        assertThat(agents().get(agent.id())).contains(updated);
    }

    @Test
    default void renamingToATakenNameFailsAndChangesNothing() {
        AgentScope scope = freshScope();
        agents().create(newAgent(scope, "Luna"));
        Agent sol = agents().create(newAgent(scope, "Sol"));

        assertThatThrownBy(() -> agents().update(sol.id(), a -> a.withName("luna")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("already an agent named 'luna'");
        assertThat(agents().get(sol.id())).contains(sol);
    }

    @Test
    default void updatingAnUnknownAgentFailsClearly() {
        assertThatThrownBy(() -> agents().update("no-such-agent", a -> a))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("no agent");
    }

    @Test
    default void deletedAgentIsGone() {
        AgentScope scope = freshScope();
        Agent agent = agents().create(newAgent(scope, "Luna"));
        agents().get(agent.id());

        agents().delete(agent.id());

        assertThat(agents().get(agent.id())).isEmpty();
        assertThat(agents().findByName(scope, "Luna")).isEmpty();
        assertThat(agents().create(newAgent(scope, "Luna")).name()).isEqualTo("Luna");
    }
}
