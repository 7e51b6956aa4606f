package dev.kindred.discord;

import dev.kindred.discord.commands.CommandListener;
import dev.kindred.discord.commands.CommandRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord front end. {@link #start} logs in, registers the slash commands and returns once the
 * gateway is ready; {@link #close} disconnects. Closing the runtime is the caller's job.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    private static final EnumSet<GatewayIntent> INTENTS =
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT);

    private final BotContext context;
    private final ScheduledExecutorService timer;
    private @Nullable JDA jda;

    public DiscordBot(BotDependencies deps) {
        this.context = BotContext.of(deps);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "discord-typing");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects with {@code token} and waits until the gateway is ready. */
    public JDA start(String token) throws InterruptedException {
        CommandRegistry registry = CommandRegistry.standard();
        JDABuilder builder = JDABuilder.createLight(token, INTENTS)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .setEnableShutdownHook(false)
                .addEventListeners(
                        new MessageListener(context, timer),
                        new CommandListener(registry, context),
                        new GuildMembershipListener(
                                context.deps().privacy(), context.deps().clock()));
        pointElsewhere(builder);
        JDA started = builder.build().awaitReady();
        this.jda = started;
        started.updateCommands()
                .addCommands(registry.commandData())
                .queue(null, e -> LOG.error("registering slash commands failed", e));
        LOG.info(
                "Logged in to Discord as {} ({}); guilds: {}",
                started.getSelfUser().getName(),
                started.getSelfUser().getId(),
                started.getGuilds().stream().map(Guild::getName).toList());
        return started;
    }

    private void pointElsewhere(JDABuilder builder) {
        String restUrl = context.deps().config().restUrl();
        String gatewayUrl = context.deps().config().gatewayUrl();
        if (!restUrl.isBlank()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(restUrl.endsWith("/") ? restUrl : restUrl + "/"));
        }
        if (!gatewayUrl.isBlank()) {
            builder.setCompression(Compression.NONE).setSessionController(new FixedGateway(gatewayUrl));
        }
    }

    /** Disconnects and waits (briefly) for JDA's threads to end. */
    @Override
    public void close() {
        JDA running = jda;
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitShutdown(Duration.ofSeconds(10))) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
    }

    /** A session controller that sends JDA to a configured gateway instead of asking Discord for one. */
    private static final class FixedGateway extends ConcurrentSessionController {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
