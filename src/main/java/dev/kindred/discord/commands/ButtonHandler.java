package dev.kindred.discord.commands;

import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** Receives clicks on buttons whose id starts with {@code prefix() + ":"}. */
public interface ButtonHandler {
    String buttonPrefix();

    void click(ButtonInteractionEvent event, CommandCall call, String[] idParts);
}
