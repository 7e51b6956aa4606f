package dev.kindred.memory;

import java.util.List;
import java.util.Optional;

/** Bindings of Discord places to agents. One binding per scope key; binding again replaces it. */
public interface BindingStore {

    Binding bind(Binding binding);

    Optional<Binding> find(String scopeKey);

    List<Binding> forAgent(String agentId);

    List<Binding> forGuild(String guildId);

    boolean unbind(String scopeKey);
}
