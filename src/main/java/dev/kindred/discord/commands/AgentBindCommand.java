package dev.kindred.discord.commands;

import dev.kindred.discord.AgentPlaces;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.UserInputException;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /agent bind name [mode] [server-default]}: makes a server agent answer in this channel (and its
 * threads), when mentioned or to every message; or makes it the server's default agent.
 */
final class AgentBindCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("bind", "Make an agent answer in this channel")
                .addOption(OptionType.STRING, "name", "The agent", true)
                .addOptions(new OptionData(OptionType.STRING, "mode", "When it answers (default: mention)", false)
                        .addChoice("when mentioned or replied to", "mention")
                        .addChoice("every message", "all"))
                .addOption(OptionType.BOOLEAN, "server-default", "Bind as the server's default agent instead", false);
    }

    @Override
    public void run(CommandCall call) {
        String guildId = call.guildId();
        call.bot().access().requireServerAdmin(call.member());
        Agent agent = call.bot().places().byName(call.scope(), call.string("name"));
        ListenMode mode =
                ListenMode.valueOf(call.optionalString("mode").orElse("mention").toUpperCase(Locale.ROOT));
        boolean serverDefault = call.optionalBoolean("server-default").orElse(false);
        if (serverDefault && mode == ListenMode.ALL) {
            throw new UserInputException("The server's default agent only answers when mentioned.");
        }
        String key =
                serverDefault ? Binding.guild(guildId) : Binding.channel(AgentPlaces.bindingChannelId(call.channel()));
        call.bot().services().bindings().bind(new Binding(key, agent.id(), mode, guildId));
        call.bot().services().checkpoint().commit();
        call.reply(
                serverDefault
                        ? agent.name() + " is now this server's default agent."
                        : agent.name() + " now answers in this channel "
                                + (mode == ListenMode.ALL ? "to every message." : "when mentioned or replied to."));
    }
}
