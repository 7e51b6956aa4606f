package dev.kindred.discord;

import dev.kindred.agent.Inbound;
import dev.kindred.agent.TurnResult;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.UserInputException;
import dev.kindred.model.Usage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord messages into agent turns: picks the agent for the place, applies the allow-lists and
 * per-user limits, shows typing while the model works, and posts the reply in parts.
 */
final class MessageListener extends ListenerAdapter {
    /** What the person reads when a turn broke inside Kindred: their message is stored either way. */
    static final String CRASHED =
            "Something went wrong on my side and I couldn't answer. Your message is saved; I'll see it next time.";

    private static final Logger LOG = LoggerFactory.getLogger(MessageListener.class);

    private final BotContext bot;
    private final ScheduledExecutorService timer;
    private final ReplySplitter splitter = ReplySplitter.discord();
    private final LimitNotices notices;

    MessageListener(BotContext bot, ScheduledExecutorService timer) {
        this.bot = bot;
        this.timer = timer;
        this.notices = new LimitNotices(bot.deps().clock());
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || event.isWebhookMessage() || !allowed(event)) {
            return;
        }
        try {
            route(event).ifPresent(agent -> answer(event, agent));
        } catch (UserInputException e) {
            message.reply(e.getMessage()).mentionRepliedUser(false).queue();
        } catch (RuntimeException e) {
            LOG.error("handling message {} failed", message.getId(), e);
        }
    }

    private boolean allowed(MessageReceivedEvent event) {
        List<String> users = bot.deps().config().allowedUsers();
        List<String> guilds = bot.deps().config().allowedGuilds();
        boolean userOk = users.isEmpty() || users.contains(event.getAuthor().getId());
        boolean guildOk = !event.isFromGuild()
                || guilds.isEmpty()
                || guilds.contains(event.getGuild().getId());
        return userOk && guildOk;
    }

    private Optional<Agent> route(MessageReceivedEvent event) {
        if (event.getChannelType() == ChannelType.PRIVATE) {
            return Optional.of(bot.places().dmCompanion(event.getAuthor().getId()));
        }
        if (!event.isFromGuild()) {
            return Optional.empty();
        }
        String guildId = event.getGuild().getId();
        boolean addressed = addressed(event);
        Optional<Binding> channel = bot.places().channelBinding(event.getChannel());
        if (channel.isPresent()) {
            boolean listens = channel.get().mode() == ListenMode.ALL || addressed;
            return listens ? bot.places().serverAgent(guildId, event.getChannel()) : Optional.empty();
        }
        return addressed ? bot.places().serverAgent(guildId, event.getChannel()) : Optional.empty();
    }

    /** Mentioned by name (not through @everyone, @here or a role) or replied to. */
    private static boolean addressed(MessageReceivedEvent event) {
        User self = event.getJDA().getSelfUser();
        Message message = event.getMessage();
        Message referenced = message.getReferencedMessage();
        return message.getMentions().isMentioned(self, Message.MentionType.USER)
                || (referenced != null && referenced.getAuthor().getIdLong() == self.getIdLong());
    }

    private void answer(MessageReceivedEvent event, Agent agent) {
        String userId = event.getAuthor().getId();
        switch (bot.limits().admit(userId)) {
            case TOO_FAST -> {
                notices.tell(event, "You're sending messages faster than I can keep up with; give me a minute.");
                return;
            }
            case OVER_BUDGET -> {
                notices.tell(event, "You've reached today's conversation budget; let's talk again tomorrow.");
                return;
            }
            case OK -> {}
        }
        Message message = event.getMessage();
        String name = event.getMember() != null
                ? event.getMember().getEffectiveName()
                : event.getAuthor().getEffectiveName();
        Inbound inbound = new Inbound(
                agent.id(),
                event.getChannel().getId(),
                new Speaker(userId, name),
                message.getContentDisplay(),
                message.getId(),
                message.getTimeCreated().toInstant());
        Runnable stopTyping = Typing.start(event.getChannel(), timer);
        bot.deps().runtime().submit(inbound).whenComplete((result, error) -> {
            stopTyping.run();
            TurnResult answer = result;
            if (error != null) {
                LOG.error("turn for message {} failed", message.getId(), error);
                answer = new TurnResult(TurnResult.Status.FAILED, agent.id(), inbound.channelId(), CRASHED, Usage.ZERO);
            }
            bot.limits().charge(userId, answer.usage());
            try {
                send(event, answer);
            } catch (RuntimeException e) {
                LOG.error("posting the reply to message {} failed", message.getId(), e);
            }
        });
    }

    private void send(MessageReceivedEvent event, TurnResult result) {
        if (!result.hasReply()) {
            return;
        }
        List<String> parts = splitter.split(result.reply());
        RestAction<Message> chain = event.isFromGuild()
                ? event.getMessage().reply(parts.get(0)).mentionRepliedUser(false)
                : event.getChannel().sendMessage(parts.get(0));
        for (String part : parts.subList(1, parts.size())) {
            chain = chain.flatMap(previous -> event.getChannel().sendMessage(part));
        }
        chain.queue(null, e -> LOG.warn("posting the reply to {} failed", event.getMessageId(), e));
    }
}
