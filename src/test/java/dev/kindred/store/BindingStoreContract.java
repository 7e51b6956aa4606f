package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Binding;
import dev.kindred.memory.BindingStore;
import dev.kindred.memory.ListenMode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link BindingStore} does; an implementation's test supplies the store. */
public interface BindingStoreContract {
    BindingStore bindings();

    static String fresh() {
        return UUID.randomUUID().toString();
    }

    @Test
    default void boundChannelIsFound() {
        Binding binding = new Binding(Binding.channel(fresh()), "agent-1", ListenMode.ALL, "guild-1");

        bindings().bind(binding);

        assertThat(bindings().find(binding.scopeKey())).contains(binding);
    }

    @Test
    default void anUnboundPlaceIsSeenAsBoundOnceBound() {
        String scopeKey = Binding.channel(fresh());
        assertThat(bindings().find(scopeKey)).isEmpty();

        Binding binding = bindings().bind(new Binding(scopeKey, "agent-1", ListenMode.MENTION, "guild-1"));

        assertThat(bindings().find(scopeKey)).contains(binding);
    }

    @Test
    default void bindingAgainReplacesTheBinding() {
        String scopeKey = Binding.channel(fresh());
        bindings().bind(new Binding(scopeKey, "agent-1", ListenMode.MENTION, "guild-1"));
        assertThat(bindings().find(scopeKey)).isPresent();

        Binding replacement = bindings().bind(new Binding(scopeKey, "agent-2", ListenMode.ALL, "guild-1"));

        assertThat(bindings().find(scopeKey)).contains(replacement);
        assertThat(bindings().forAgent("agent-1")).noneMatch(b -> b.scopeKey().equals(scopeKey));
    }

    @Test
    default void unbindRemovesTheBindingOnce() {
        String scopeKey = Binding.dm(fresh());
        bindings().bind(new Binding(scopeKey, "agent-1", ListenMode.ALL, ""));
        assertThat(bindings().find(scopeKey)).isPresent();

        assertThat(bindings().unbind(scopeKey)).isTrue();
        assertThat(bindings().unbind(scopeKey)).isFalse();
        assertThat(bindings().find(scopeKey)).isEmpty();
    }

    @Test
    default void bindingsAreListedPerAgentAndPerGuild() {
        String agent = "agent-" + fresh();
        String guild = fresh();
        Binding general = bindings().bind(new Binding(Binding.channel("a-" + fresh()), agent, ListenMode.ALL, guild));
        Binding guildDefault = bindings().bind(new Binding(Binding.guild(guild), agent, ListenMode.MENTION, guild));
        Binding elsewhere = bindings().bind(new Binding(Binding.channel(fresh()), agent, ListenMode.ALL, fresh()));

        assertThat(bindings().forAgent(agent)).containsExactlyInAnyOrder(general, guildDefault, elsewhere);
        assertThat(bindings().forGuild(guild)).containsExactly(general, guildDefault);
    }
}
