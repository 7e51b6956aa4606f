package dev.kindred.discord.commands;

import dev.kindred.discord.AgentPlaces;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.UserInputException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
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
        String channelId = AgentPlaces.bindingChannelId(call.channel());
        String key = serverDefault ? Binding.guild(guildId) : Binding.channel(channelId);
        call.bot().services().bindings().bind(new Binding(key, agent.id(), mode, guildId));
        call.bot().services().checkpoint().commit();
        call.reply(
                serverDefault
                        ? agent.name() + " is now this server's default agent."
                        : agent.name() + " now answers in this channel "
                                + (mode == ListenMode.ALL ? "to every message." : "when mentioned or replied to.")
                                + sharedMemoryNote(call, agent, channelId));
    }

    /**
     * A note when the agent also answers in channels that are hidden from everyone where this one is
     * not, or the other way round: one agent has one memory, so what is said in one can come up in the
     * other.
     */
    private static String sharedMemoryNote(CommandCall call, Agent agent, String channelId) {
        Member member = call.member();
        GuildChannel here = member == null ? null : member.getGuild().getGuildChannelById(channelId);
        if (here == null) {
            return "";
        }
        Role everyone = member.getGuild().getPublicRole();
        List<String> otherAudience = call.bot().services().bindings().forAgent(agent.id()).stream()
                .flatMap(binding -> binding.channelId().stream())
                .filter(other -> !other.equals(channelId))
                .map(other -> member.getGuild().getGuildChannelById(other))
                .filter(Objects::nonNull)
                .filter(other -> everyone.hasAccess(other) != everyone.hasAccess(here))
                .map(other -> "#" + other.getName())
                .toList();
        if (otherAudience.isEmpty()) {
            return "";
        }
        return "\nNote: " + agent.name() + " also answers in " + String.join(", ", otherAudience)
                + ", which are open to different people than this channel. An agent's memory (its blocks, summaries, archive and "
                + "past conversations) is shared by all its channels, so what is said in one can come up in "
                + "another. Bind a separate agent to keep a private channel apart.";
    }
}
