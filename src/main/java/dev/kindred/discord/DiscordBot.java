package dev.kindred.discord;

import dev.kindred.discord.commands.CommandListener;
import dev.kindred.discord.commands.CommandRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** Slash commands run at once on this many threads; more wait their turn, already acknowledged. */
    private static final int COMMAND_THREADS = 4;

    private final BotContext context;
    private final ScheduledExecutorService timer;
    private final ExecutorService commands;
    private @Nullable JDA jda;

    public DiscordBot(BotDependencies deps) {
        this.context = BotContext.of(deps);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "discord-typing"));
        AtomicInteger commandThreads = new AtomicInteger();
        this.commands = Executors.newFixedThreadPool(
                COMMAND_THREADS, r -> daemon(r, "discord-command-" + commandThreads.incrementAndGet()));
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Connects with {@code token} and waits until the gateway is ready. */
    public JDA start(String token) throws InterruptedException {
        CommandRegistry registry = CommandRegistry.standard();
        JDABuilder builder = JDABuilder.createLight(token, INTENTS)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .setEnableShutdownHook(false)
                .addEventListeners(
                        new MessageListener(context, timer),
                        new CommandListener(registry, context, commands),
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

    /** Lets running commands finish (briefly), then disconnects and waits (briefly) for JDA's threads. */
    @Override
    public void close() {
        commands.shutdown();
        try {
            if (!commands.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("slash commands still running at shutdown were interrupted");
                commands.shutdownNow();
            }
        } catch (InterruptedException e) {
            commands.shutdownNow();
            Thread.currentThread().interrupt();
        }
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
