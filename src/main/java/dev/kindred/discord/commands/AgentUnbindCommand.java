package dev.kindred.discord.commands;

import dev.kindred.discord.AgentPlaces;
import dev.kindred.memory.Binding;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /agent unbind}: this channel falls back to the server's default agent. */
final class AgentUnbindCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("unbind", "Stop the channel's own agent from answering here");
    }

    @Override
    public void run(CommandCall call) {
        call.guildId();
        call.bot().access().requireServerAdmin(call.member());
        boolean removed =
                call.bot().services().bindings().unbind(Binding.channel(AgentPlaces.bindingChannelId(call.channel())));
        call.bot().services().checkpoint().commit();
        call.reply(
                removed
                        ? "Unbound; this channel now uses the server's default agent."
                        : "This channel had no agent bound.");
    }
}
