package dev.kindred.discord.commands;

import dev.kindred.memory.UserInputException;
import dev.kindred.privacy.ErasureCounts;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /privacy forget}: asks for confirmation with a button, then erases everything Kindred keeps
 * about the caller. Only the person named in the button can confirm it.
 */
final class PrivacyForgetCommand implements SlashCommand, ButtonHandler {
    static final String PREFIX = "privacy-forget";

    @Override
    public String group() {
        return "privacy";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("forget", "Erase everything Kindred keeps about you");
    }

    @Override
    public void run(CommandCall call) {
        call.replyWith(
                "Erase everything Kindred keeps about you: your DM companions with all their memory, your own"
                        + " blocks in servers, and your messages in server agents? This cannot be undone.",
                ActionRow.of(Button.danger(PREFIX + ":" + call.user().getId(), "Erase everything")));
    }

    @Override
    public String buttonPrefix() {
        return PREFIX;
    }

    @Override
    public void click(ButtonInteractionEvent event, CommandCall call, String[] idParts) {
        if (idParts.length < 2 || !idParts[1].equals(call.user().getId())) {
            throw new UserInputException("Only the person who asked can confirm this.");
        }
        ErasureCounts erased = call.bot().deps().privacy().forget(call.user().getId());
        call.reply("Done: Kindred no longer keeps anything about you (" + erased.render() + ").");
    }
}
