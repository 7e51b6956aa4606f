package dev.kindred.discord;

import dev.kindred.agent.AgentDirectory;
import dev.kindred.agent.AgentServices;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.UserInputException;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;

/**
 * Which agent lives where. A user's DM companion is the agent bound to {@code dm:<userId>} (created
 * from the template on first use); in a server, the agent bound to the channel (a thread counts as its
 * parent channel), else the server's default agent. Server lookups never reach a DM agent.
 */
public final class AgentPlaces {
    public static final String COMPANION = "Companion";

    private final AgentServices services;
    private final AgentDirectory directory;
    private final String defaultModel;

    public AgentPlaces(AgentServices services, AgentDirectory directory, String defaultModel) {
        this.services = services;
        this.directory = directory;
        this.defaultModel = defaultModel;
    }

    /** The user's active companion, created on first use. */
    public Agent dmCompanion(String userId) {
        Optional<Agent> bound = services.bindings()
                .find(Binding.dm(userId))
                .flatMap(b -> services.agents().get(b.agentId()));
        if (bound.isPresent()) {
            return bound.get();
        }
        Agent agent = directory.findOrCreate(COMPANION, AgentScope.dm(userId), userId, defaultModel);
        activate(userId, agent);
        return agent;
    }

    /** Makes {@code agent} the one that answers the user's DMs. */
    public void activate(String userId, Agent agent) {
        services.bindings().bind(new Binding(Binding.dm(userId), agent.id(), ListenMode.ALL, ""));
    }

    /** The channel's own binding; threads use their parent's. */
    public Optional<Binding> channelBinding(Channel channel) {
        return services.bindings().find(Binding.channel(bindingChannelId(channel)));
    }

    public Optional<Binding> guildBinding(String guildId) {
        return services.bindings().find(Binding.guild(guildId));
    }

    /** The agent that serves the channel: its own binding, else the server's default agent. */
    public Optional<Agent> serverAgent(String guildId, Channel channel) {
        return channelBinding(channel)
                .or(() -> guildBinding(guildId))
                .flatMap(b -> services.agents().get(b.agentId()))
                .filter(a -> a.scope().equals(AgentScope.guild(guildId)));
    }

    /** Like {@link #serverAgent}, failing with a hint when there is none. */
    public Agent requireServerAgent(String guildId, Channel channel) {
        return serverAgent(guildId, channel)
                .orElseThrow(() -> new UserInputException("No agent serves this channel. An admin can create one with "
                        + "`/agent create` and bind it with `/agent bind`."));
    }

    /** An agent of the scope by name. */
    public Agent byName(AgentScope scope, String name) {
        return services.agents()
                .findByName(scope, name.strip())
                .orElseThrow(() -> new UserInputException("No agent named '" + name.strip() + "' here."));
    }

    public static String bindingChannelId(Channel channel) {
        return channel instanceof ThreadChannel thread
                ? thread.getParentChannel().getId()
                : channel.getId();
    }
}
