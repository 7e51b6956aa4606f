package dev.kindred.discord.commands;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;

/** Receives the modals whose id starts with {@code prefix() + ":"}. */
public interface ModalHandler {
    String modalPrefix();

    void submit(ModalInteractionEvent event, CommandCall call, String[] idParts);
}
