package dev.kindred.discord.commands;

import dev.kindred.discord.BotContext;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import org.jspecify.annotations.Nullable;

/**
 * One interaction being answered: who asked, where, the options, and the (always ephemeral) reply,
 * sent directly or as a follow-up once the interaction was deferred.
 */
public final class CommandCall {
    static final int MAX_FILE_BYTES = 2_000_000;

    private final IReplyCallback event;
    private final BotContext bot;
    private boolean deferred;

    public CommandCall(IReplyCallback event, BotContext bot) {
        this.event = event;
        this.bot = bot;
    }

    public BotContext bot() {
        return bot;
    }

    public User user() {
        return event.getUser();
    }

    public @Nullable Member member() {
        return event.getMember();
    }

    public boolean inGuild() {
        return event.isFromGuild();
    }

    public String guildId() {
        if (!inGuild()) {
            throw new UserInputException("This command only works in a server.");
        }
        return event.getGuild().getId();
    }

    public Channel channel() {
        Channel channel = event.getChannel();
        if (channel == null) {
            throw new UserInputException("I can't see this channel.");
        }
        return channel;
    }

    /** The server channel the command runs in; null in DMs. */
    public @Nullable String serverChannelId() {
        return inGuild() ? channel().getId() : null;
    }

    /** The scope of the place: the user's DMs, or this server. */
    public AgentScope scope() {
        return inGuild() ? AgentScope.guild(guildId()) : AgentScope.dm(user().getId());
    }

    /** The agent this place talks to: the DM companion, or the channel's (or server's) agent. */
    public Agent agent() {
        return inGuild()
                ? bot.places().requireServerAgent(guildId(), channel())
                : bot.places().dmCompanion(user().getId());
    }

    public String author() {
        return Authors.user(user().getId());
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> new UserInputException("Please give " + name + "."));
    }

    public Optional<String> optionalString(String name) {
        return option(name).map(OptionMapping::getAsString);
    }

    public Optional<Long> optionalLong(String name) {
        return option(name).map(OptionMapping::getAsLong);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return option(name).map(OptionMapping::getAsBoolean);
    }

    public Optional<Message.Attachment> attachment(String name) {
        return option(name).map(OptionMapping::getAsAttachment);
    }

    /**
     * The text of an attached .txt or .md file (UTF-8, at most 2 MB). Any other file is refused before it
     * is downloaded, so a picture's bytes never end up in memory as if they were words.
     */
    public String readText(Message.Attachment file) {
        String name = file.getFileName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".txt") && !name.endsWith(".md")) {
            throw new UserInputException("Attach a .txt or .md file.");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new UserInputException("That file is too large (at most 2 MB).");
        }
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    public byte[] readBytes(Message.Attachment file) {
        try (InputStream in = file.getProxy().download().get(30, TimeUnit.SECONDS)) {
            return in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new UserInputException("I couldn't download " + file.getFileName() + "; please try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("Interrupted while downloading the file.");
        }
    }

    private Optional<OptionMapping> option(String name) {
        return event instanceof CommandInteractionPayload payload
                ? Optional.ofNullable(payload.getOption(name))
                : Optional.empty();
    }

    /** Acknowledges now; the answer follows (Discord wants an acknowledgement within 3 seconds). */
    public void defer() {
        if (!deferred) {
            event.deferReply(true).queue();
            deferred = true;
        }
    }

    public void reply(String text) {
        String shown = text.length() > 2_000 ? text.substring(0, 1_997) + "..." : text;
        if (deferred) {
            event.getHook().sendMessage(shown).setEphemeral(true).queue();
        } else {
            event.reply(shown).setEphemeral(true).queue();
        }
    }

    public void replyEmbed(MessageEmbed embed) {
        if (deferred) {
            event.getHook().sendMessageEmbeds(embed).setEphemeral(true).queue();
        } else {
            event.replyEmbeds(embed).setEphemeral(true).queue();
        }
    }

    public void replyFile(String text, FileUpload file) {
        if (deferred) {
            event.getHook().sendMessage(text).addFiles(file).setEphemeral(true).queue();
        } else {
            event.reply(text).addFiles(file).setEphemeral(true).queue();
        }
    }

    public void replyWith(String text, MessageTopLevelComponent row) {
        if (deferred) {
            event.getHook()
                    .sendMessage(text)
                    .addComponents(row)
                    .setEphemeral(true)
                    .queue();
        } else {
            event.reply(text).addComponents(row).setEphemeral(true).queue();
        }
    }

    public void replyModal(Modal modal) {
        if (deferred || !(event instanceof IModalCallback modalCallback)) {
            throw new IllegalStateException("a modal must be the first answer to a command");
        }
        modalCallback.replyModal(modal).queue();
    }
}
