package dev.kindred.discord.commands;

import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /privacy show}: what Kindred keeps about the caller, in sizes and counts, only to them. */
final class PrivacyShowCommand implements SlashCommand {
    @Override
    public String group() {
        return "privacy";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("show", "What Kindred keeps about you");
    }

    @Override
    public void run(CommandCall call) {
        call.reply(call.bot().deps().privacy().show(call.user().getId()).render());
    }
}
