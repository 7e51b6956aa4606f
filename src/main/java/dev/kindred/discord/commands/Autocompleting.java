package dev.kindred.discord.commands;

import dev.kindred.discord.BotContext;
import java.util.List;

/** A command with an option whose values are suggested as the person types. */
public interface Autocompleting {
    List<String> suggest(BotContext bot, String option, String typed);
}
