package dev.kindred.discord.commands;

import dev.kindred.discord.BotContext;
import dev.kindred.memory.UserInputException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes interactions to the registry's commands. A person's mistake or a refusal becomes an
 * ephemeral message; anything else is logged once and answered with an apology.
 *
 * <p>JDA hands every event to its one gateway thread in order, and Kindred keeps it that way so that
 * messages are stored in the order they were sent. A command can take long (a file download of up to
 * 30 s, an export, erasing an agent's whole history), so the listener only acknowledges it there and
 * does the work on {@code work}: conversations go on meanwhile, and Discord's three seconds to
 * acknowledge are always met. Commands that may answer with a modal run on the gateway thread, since a
 * modal must be their first answer; they only read what the modal shows.
 */
public final class CommandListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandListener.class);
    private static final int MAX_CHOICES = 25;

    private final CommandRegistry registry;
    private final BotContext bot;
    private final Executor work;

    public CommandListener(CommandRegistry registry, BotContext bot, Executor work) {
        this.registry = registry;
        this.bot = bot;
        this.work = work;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        registry.find(event.getName(), event.getSubcommandName())
                .ifPresent(command -> answer(event, call -> !command.mayOpenModal(call), command::run));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        String[] parts = event.getModalId().split(":");
        registry.handler(ModalHandler.class, h -> h.modalPrefix().equals(parts[0]))
                .ifPresent(h -> answer(event, call -> true, call -> h.submit(event, call, parts)));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String[] parts = event.getComponentId().split(":");
        registry.handler(ButtonHandler.class, h -> h.buttonPrefix().equals(parts[0]))
                .ifPresent(h -> answer(event, call -> true, call -> h.click(event, call, parts)));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        registry.find(event.getName(), event.getSubcommandName())
                .filter(Autocompleting.class::isInstance)
                .map(Autocompleting.class::cast)
                .ifPresent(command -> {
                    String typed = event.getFocusedOption().getValue();
                    List<String> choices = command
                            .suggest(bot, event.getFocusedOption().getName(), typed)
                            .stream()
                            .limit(MAX_CHOICES)
                            .toList();
                    event.replyChoiceStrings(choices).queue();
                });
    }

    /** A call that {@code defers} is acknowledged on the gateway thread and run on the pool. */
    private void answer(IReplyCallback event, Predicate<CommandCall> defers, Consumer<CommandCall> command) {
        CommandCall call = new CommandCall(event, bot);
        if (!allowed(event)) {
            call.reply("This bot isn't available here.");
            return;
        }
        if (!defers.test(call)) {
            run(event, call, command);
            return;
        }
        call.defer();
        try {
            work.execute(() -> run(event, call, command));
        } catch (RejectedExecutionException e) {
            call.reply("Kindred is shutting down. Please try again in a moment.");
        }
    }

    private static void run(IReplyCallback event, CommandCall call, Consumer<CommandCall> command) {
        try {
            command.accept(call);
        } catch (UserInputException e) {
            call.reply(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("interaction {} failed", event.getId(), e);
            call.reply("Sorry, something went wrong on my side. Please try again.");
        }
    }

    private boolean allowed(IReplyCallback event) {
        List<String> users = bot.deps().config().allowedUsers();
        List<String> guilds = bot.deps().config().allowedGuilds();
        boolean userOk = users.isEmpty() || users.contains(event.getUser().getId());
        boolean guildOk = !event.isFromGuild()
                || guilds.isEmpty()
                || guilds.contains(event.getGuild().getId());
        return userOk && guildOk;
    }
}
