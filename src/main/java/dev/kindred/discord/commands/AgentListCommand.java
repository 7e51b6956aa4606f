package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /agent list}: your companions in DMs (the active one marked), or this server's agents. */
final class AgentListCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("list", "List the agents here");
    }

    @Override
    public void run(CommandCall call) {
        List<Agent> agents = call.bot().services().agents().list(call.scope());
        Optional<String> current = call.inGuild()
                ? call.bot()
                        .places()
                        .serverAgent(call.guildId(), call.channel())
                        .map(Agent::id)
                : Optional.of(call.agent().id());
        StringBuilder text = new StringBuilder(agents.isEmpty() ? "No agents here yet." : "Agents:\n");
        for (Agent agent : agents) {
            boolean here = current.filter(agent.id()::equals).isPresent();
            text.append(here ? "▶ **" : "• **")
                    .append(agent.name())
                    .append("** (")
                    .append(agent.model())
                    .append(")\n");
        }
        call.reply(text.toString());
    }
}
