package dev.kindred.agent;

import dev.kindred.memory.Message;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.model.ChatModel;
import dev.kindred.model.Usage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages become turns. {@link #submit} stores the message first, before anything else can
 * fail, then queues it on its agent's lane; the future completes with the turn that answers it.
 */
public final class AgentRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);

    private final AgentServices services;
    private final TurnPolicy policy;
    private final Scheduler scheduler;
    private final ExecutorService executor;
    private final TurnRunner runner;
    private final MemorySnapshots snapshots;
    private final ReplyGate replies;
    private final Map<String, AgentLane> lanes = new ConcurrentHashMap<>();
    private final List<TurnListener> listeners = new CopyOnWriteArrayList<>();

    public AgentRuntime(AgentServices services, ChatModel model, TurnPolicy policy, RuntimeThreads threads) {
        this.services = services;
        this.policy = policy;
        this.scheduler = threads.scheduler();
        this.executor = threads.executor();
        this.snapshots = new MemorySnapshots(MemorySnapshots.ANTHROPIC_CACHE_TTL, threads.memoryStaleness());
        this.runner = new TurnRunner(services, model, policy, snapshots);
        this.replies = threads.replies();
    }

    /** The gate background work waits at, so replies come first. */
    public ReplyGate replies() {
        return replies;
    }

    public void addListener(TurnListener listener) {
        listeners.add(listener);
    }

    public AgentServices services() {
        return services;
    }

    public MemorySnapshots snapshots() {
        return snapshots;
    }

    /** How agents edit blocks (the sleeptime agent edits the same way, within the same limits). */
    public BlockEditor blockEditor() {
        return runner.editor();
    }

    /**
     * Stores the message, then answers it in a turn (possibly together with others). A message whose
     * source (its Discord id) is already stored is neither stored nor answered again.
     */
    public CompletableFuture<TurnResult> submit(Inbound inbound) {
        replies.owed(); // before the append, so embedding the message waits for its own reply
        Optional<Message> stored;
        try {
            stored = services.recall()
                    .appendIfNew(new NewMessage(
                            inbound.agentId(),
                            Role.USER,
                            inbound.text(),
                            inbound.speaker(),
                            inbound.channelId(),
                            List.of(),
                            null,
                            inbound.sourceId(),
                            inbound.at()));
        } catch (RuntimeException e) {
            replies.given();
            throw e;
        }
        if (stored.isEmpty()) {
            replies.given();
            return CompletableFuture.completedFuture(new TurnResult(
                    TurnResult.Status.DUPLICATE, inbound.agentId(), inbound.channelId(), "", Usage.ZERO));
        }
        CompletableFuture<TurnResult> result = new CompletableFuture<>();
        result.whenComplete((turn, failure) -> replies.given());
        lane(inbound.agentId())
                .offer(
                        new AgentLane.Pending(stored.get(), result),
                        policy.clock().instant());
        return result;
    }

    private AgentLane lane(String agentId) {
        return lanes.computeIfAbsent(
                agentId,
                id -> new AgentLane(
                        policy.defaults().debounce(), scheduler, executor, this::runTurn, () -> afterTurn(id)));
    }

    private TurnResult runTurn(List<Message> inbound) {
        TurnResult result = runner.run(inbound);
        if (result.status() != TurnResult.Status.FAILED) {
            services.agents()
                    .get(result.agentId())
                    .ifPresent(agent ->
                            listeners.forEach(l -> l.turnCompleted(agent, result.channelId(), inbound.size())));
        }
        return result;
    }

    private void afterTurn(String agentId) {
        try {
            runner.afterTurn(agentId, lane(agentId).waiting());
        } catch (RuntimeException e) {
            LOG.warn(
                    "the work after agent {}'s turn failed; what is left is tried again after its next turn",
                    agentId,
                    e);
        }
    }

    /** Lets turns in flight finish (up to the timeout); stored messages are never lost either way. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        services.checkpoint().commit();
    }
}
