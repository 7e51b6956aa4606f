/** Slash commands, one small class each, listed in one registry. */
@NullMarked
package dev.kindred.discord.commands;

import org.jspecify.annotations.NullMarked;
