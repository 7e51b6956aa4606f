package dev.kindred.privacy;

import dev.kindred.agent.AgentServices;
import dev.kindred.agent.MemorySnapshots;
import dev.kindred.memory.Checkpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every person can see, export and erase what Kindred keeps about them; a server's data is erased
 * some time after the bot left it. A forget request is recorded before anything is erased and marked
 * done at the end; every step is safe to run again, and {@link #resumePending} finishes what a crash
 * interrupted. Logs carry ids and counts, never what anybody said.
 */
public final class PrivacyService {
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);

    private final Inventory inventory;
    private final PersonalExport export;
    private final Forgetting forgetting;
    private final GuildRetention guilds;
    private final PrivacyRequests requests;
    private final Checkpoint checkpoint;
    private final Clock clock;

    public PrivacyService(
            AgentServices services, MemorySnapshots snapshots, PrivacyStores stores, PrivacySettings settings) {
        AgentEraser eraser = new AgentEraser(services, stores.agentRecords(), snapshots, settings.hook());
        this.inventory = new Inventory(services);
        this.export = new PersonalExport(services, stores.usage(), inventory);
        this.forgetting = new Forgetting(services, eraser, stores.agentRecords(), settings.hook());
        this.guilds = new GuildRetention(services, eraser, stores.departures(), settings.guildGracePeriod());
        this.requests = stores.requests();
        this.checkpoint = services.checkpoint();
        this.clock = settings.clock();
    }

    /** What Kindred keeps about the person, in sizes and counts. */
    public PrivacyOverview show(String userId) {
        return inventory.overview(userId);
    }

    /** Everything kept about the person, as one UTF-8 JSON document. */
    public byte[] export(String userId) {
        return export.export(userId, clock.instant());
    }

    /** Erases everything kept about the person; running it again is safe and erases what came since. */
    public ErasureCounts forget(String userId) {
        ForgetPlan plan = forgetting.plan(userId);
        String requestId = requests.begin(plan, clock.instant());
        checkpoint.commit();
        return complete(requestId, plan);
    }

    /** Finishes every forget request a crash left pending; call once at start-up. */
    public ErasureCounts resumePending() {
        ErasureCounts counts = ErasureCounts.NONE;
        for (PrivacyRequests.Pending pending : requests.pending()) {
            ForgetPlan plan =
                    pending.plan().union(forgetting.plan(pending.plan().userId()));
            counts = counts.plus(complete(pending.requestId(), plan));
        }
        return counts;
    }

    private ErasureCounts complete(String requestId, ForgetPlan plan) {
        ErasureCounts counts = forgetting.run(plan);
        requests.finish(requestId, counts, clock.instant());
        checkpoint.commit();
        LOG.info("forget request {} done: {}", requestId, counts.render());
        return counts;
    }

    /** The bot was removed from a server: its data is erased after the grace period unless it comes back. */
    public void guildLeft(String guildId, Instant at) {
        guilds.left(guildId, at);
    }

    /**
     * At start-up, the servers the bot is in ({@code present}, unavailable ones included): a server
     * that has agents but is not among them was left while the bot was offline, and its departure is
     * recorded now, so the sweep erases it after the grace period (a departure already recorded keeps
     * its time).
     */
    public void guildsPresentAtStart(Set<String> present, Instant at) {
        guilds.leftWhileAway(present, at);
    }

    /** The bot is (back) in a server: nothing of it is to be erased. */
    public void guildJoined(String guildId) {
        guilds.joined(guildId);
    }

    /** Erases the servers left longer ago than the grace period. */
    public ErasureCounts sweep(Instant now) {
        return guilds.sweep(now);
    }

    /** Erases a server's data at once. */
    public ErasureCounts purgeGuild(String guildId) {
        return guilds.purge(guildId);
    }
}
