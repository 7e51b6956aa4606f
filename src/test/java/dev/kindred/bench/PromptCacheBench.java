package dev.kindred.bench;

import dev.kindred.agent.Inbound;
import dev.kindred.agent.RuntimeFixture;
import dev.kindred.agent.TurnResult;
import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.ProviderConfig;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.Speaker;
import dev.kindred.model.CostCalculator;
import dev.kindred.model.JsonHttp;
import dev.kindred.model.ModelRouter;
import dev.kindred.model.MutableClock;
import dev.kindred.model.Usage;
import dev.kindred.model.anthropic.FakeAnthropicServer;
import dev.kindred.model.anthropic.FakeAnthropicServer.FakeReply;
import dev.kindred.store.DataDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Prompt caching through the real runtime and the Anthropic adapter against a local server that
 * reports cache usage the way Anthropic does: a 50-turn companion conversation, a message a minute,
 * with the (scripted) sleeptime side rewriting the human block every 5 turns. Prints input tokens per
 * turn, the share served from cache, and the cost against the same conversation uncached; once with
 * Kindred's policy (sleeptime edits wait for a refresh point) and once re-rendering memory on every call.
 * Run: mvn -B -q -Pbench test-compile exec:exec -Dbench.main=dev.kindred.bench.PromptCacheBench
 */
public final class PromptCacheBench {
    private static final int TURNS = 50;
    private static final ModelPrice SONNET = new ModelPrice(3.0, 0.30, 3.75, 15.0, 200_000);

    private PromptCacheBench() {}

    public static void main(String[] args) throws Exception {
        run("deferred sleeptime edits (Kindred)", Duration.ofMinutes(30), true);
        run("memory re-rendered on every call", Duration.ZERO, false);
        System.exit(0); // the embedding runtime leaves a non-daemon thread behind
    }

    private static void run(String title, Duration staleness, boolean perTurn) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
        try (FakeAnthropicServer server = FakeAnthropicServer.start(clock, 1024)) {
            ModelsConfig models = new ModelsConfig(
                    "anthropic/claude-sonnet-4-5",
                    Map.of(
                            "anthropic",
                            new ProviderConfig(
                                    "anthropic",
                                    server.baseUrl().toString(),
                                    "ANTHROPIC_API_KEY",
                                    Map.of("claude-sonnet-4-5", SONNET))),
                    1,
                    Duration.ofMillis(10),
                    Duration.ofMillis(10),
                    Duration.ofSeconds(30));
            ModelRouter router = new ModelRouter(
                    models, Map.of("ANTHROPIC_API_KEY", FakeAnthropicServer.API_KEY), JsonHttp.create(clock));
            server.replyWith(
                    request -> FakeReply.text(reply(request.path("messages").size())));
            try (DataDirectory dir = DataDirectory.create("kindred-cache");
                    RuntimeFixture f = RuntimeFixture.builder(dir.path())
                            .chatModel(router, models)
                            .clock(clock)
                            .memoryStaleness(staleness)
                            .build()) {
                Agent agent = f.directory.create("Sam", AgentScope.dm("42"), "42", "anthropic/claude-sonnet-4-5");
                converse(f, server, clock, agent, perTurn);
                report(title, server.billed(), new CostCalculator(models));
            }
        }
    }

    private static void converse(
            RuntimeFixture f, FakeAnthropicServer server, MutableClock clock, Agent agent, boolean perTurn) {
        Speaker ada = new Speaker("42", "Ada");
        int billedBefore = 0;
        for (int turn = 1; turn <= TURNS; turn++) {
            clock.advance(Duration.ofMinutes(1));
            String text = "Turn " + turn + ": today I worked on the garden shed again, talked to my sister about the "
                    + "trip to Lisbon in March, and the cat knocked over the plant number " + turn + ".";
            TurnResult result = f.runtime
                    .submit(new Inbound(agent.id(), "dm-1", ada, text, null, clock.instant()))
                    .join();
            if (result.status() != TurnResult.Status.REPLIED) {
                throw new IllegalStateException("turn " + turn + " failed: " + result.reply());
            }
            if (turn % 5 == 0) {
                sleeptimeEdit(f, agent, turn);
            }
            List<Usage> billed = server.billed();
            if (perTurn) {
                Usage u = billed.subList(billedBefore, billed.size()).stream().reduce(Usage.ZERO, Usage::plus);
                System.out.printf(
                        "turn %2d  input %6d  cache read %6d  cache write %5d  uncached %5d%n",
                        turn, u.totalInput(), u.cacheReadTokens(), u.cacheWriteTokens(), u.inputTokens());
            }
            billedBefore = billed.size();
        }
    }

    /** What the sleeptime side would do: rewrite the human block, authored "sleeptime". */
    private static void sleeptimeEdit(RuntimeFixture f, Agent agent, int turn) {
        Block human = f.services.blocks().find(agent.id(), "human", null).orElseThrow();
        String value = "Ada (as of turn " + turn + "): building a garden shed; sister lives abroad; Lisbon trip in "
                + "March; a clumsy cat; keeps plants (" + turn + " so far).";
        f.services.blocks().update(human.id(), human.version(), value, Authors.SLEEPTIME);
    }

    private static void report(String title, List<Usage> billed, CostCalculator costs) {
        Usage total = billed.stream().reduce(Usage.ZERO, Usage::plus);
        double cost = costs.costUsd("anthropic/claude-sonnet-4-5", total);
        Usage uncached = new Usage(total.totalInput(), 0, 0, total.outputTokens());
        double uncachedCost = costs.costUsd("anthropic/claude-sonnet-4-5", uncached);
        System.out.printf(
                "%n%s: %d model calls, %d input tokens, %.1f%% read from cache, %.1f%% written%n",
                title,
                billed.size(),
                total.totalInput(),
                100.0 * total.cacheReadTokens() / total.totalInput(),
                100.0 * total.cacheWriteTokens() / total.totalInput());
        System.out.printf(
                "cost $%.4f vs $%.4f uncached: %.1f%% of the uncached cost%n%n",
                cost, uncachedCost, 100 * cost / uncachedCost);
    }

    private static String reply(int messages) {
        return "That sounds like a full day. How is the shed coming along, and did your sister decide on the dates? ("
                + messages + ")";
    }
}
