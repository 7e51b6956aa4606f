package dev.kindred.discord.commands;

import dev.kindred.agent.AgentServices;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Binding;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /agent info}: the agent of this place, its model, sleeptime and how much it remembers. */
final class AgentInfoCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("info", "Show the agent that answers here");
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireRead(agent, call.user());
        AgentServices services = call.bot().services();
        String bindings = services.bindings().forAgent(agent.id()).stream()
                .map(Binding::scopeKey)
                .collect(Collectors.joining(", "));
        call.replyEmbed(new EmbedBuilder()
                .setTitle(agent.name())
                .addField("Model", agent.model(), true)
                .addField("Sleeptime", Describe.sleeptime(agent), true)
                .addField(
                        "Blocks",
                        String.valueOf(
                                services.blocks().sharedBlocks(agent.id()).size()),
                        true)
                .addField("Messages", String.valueOf(services.messages().count(agent.id())), true)
                .addField("Passages", String.valueOf(services.passages().count(agent.id())), true)
                .addField("Bound to", bindings.isEmpty() ? "nothing" : bindings, false)
                .build());
    }
}
