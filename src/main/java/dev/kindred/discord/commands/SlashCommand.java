package dev.kindred.discord.commands;

import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * One slash command: {@code /group name} (or {@code /group} alone when the group has only this one
 * and the names are equal). It declares its data once, parses its options, calls one service, replies.
 */
public interface SlashCommand {
    String group();

    SubcommandData data();

    void run(CommandCall call);

    /**
     * Whether this call may answer with a modal. Such a call is neither deferred nor moved off the
     * gateway thread, since a modal must be the first answer ({@link CommandListener}).
     */
    default boolean mayOpenModal(CommandCall call) {
        return false;
    }
}
