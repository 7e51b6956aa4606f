package dev.kindred.discord.commands;

import dev.kindred.discord.BotContext;
import dev.kindred.memory.UserInputException;
import java.util.List;
import java.util.function.Consumer;
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
 */
public final class CommandListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandListener.class);
    private static final int MAX_CHOICES = 25;

    private final CommandRegistry registry;
    private final BotContext bot;

    public CommandListener(CommandRegistry registry, BotContext bot) {
        this.registry = registry;
        this.bot = bot;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        registry.find(event.getName(), event.getSubcommandName())
                .ifPresent(command -> answer(event, call -> {
                    if (!command.mayOpenModal()) {
                        call.defer();
                    }
                    command.run(call);
                }));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        String[] parts = event.getModalId().split(":");
        registry.handler(ModalHandler.class, h -> h.modalPrefix().equals(parts[0]))
                .ifPresent(h -> answer(event, call -> h.submit(event, call, parts)));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String[] parts = event.getComponentId().split(":");
        registry.handler(ButtonHandler.class, h -> h.buttonPrefix().equals(parts[0]))
                .ifPresent(h -> answer(event, call -> h.click(event, call, parts)));
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

    private void answer(IReplyCallback event, Consumer<CommandCall> work) {
        CommandCall call = new CommandCall(event, bot);
        if (!allowed(event)) {
            call.reply("This bot isn't available here.");
            return;
        }
        try {
            work.accept(call);
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
