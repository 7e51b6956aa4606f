package dev.kindred.bench;

import dev.kindred.agent.Inbound;
import dev.kindred.agent.RuntimeFixture;
import dev.kindred.agent.ScriptedModel;
import dev.kindred.agent.TurnResult;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.search.SharedMiniLm;
import dev.kindred.model.ToolCall;
import dev.kindred.store.DataDirectory;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runtime's own overhead per turn, wired as the application is (recall's search settings,
 * background embedding, usage written to the store): a message as the bot submits it (with its
 * Discord id), a zero-latency scripted model (it asks for one conversation_search with a query never
 * seen before, then answers), the embedded store and real search, for an agent with 1,000 and 100,000
 * stored messages and a window of the last 40 that grows as the turns go on. A turn is timed from
 * the submit to the callback that receives its reply, on the thread that completes it, which is where
 * the bot sends the reply to Discord. Prints p50 and p99 per size, and the CPU time the whole process
 * spent per turn (all threads: the turn, background embedding, the embedded server, GC). Last, the
 * time to embed one such query alone, as the turns' search does: a fixed cost of the model, not of
 * Kindred, which varies with the machine and puts the other figures in proportion.
 *
 * <p>Unreported runs, back to back, first bring the JIT to the steady state of a bot that has been up
 * for a while: on two cores the compiler threads compete with the turns. After one such run the
 * compiler still took 15 to 22 ms of CPU per measured turn. After six it still made 107 C2
 * compilations during the measured turns (methods called a few times a turn reach C2's threshold
 * late); after twenty, 21. Every other run is over {@value #LARGE_WARMUP_SIZE} messages, enough for
 * the sign-bit scan that only searches of large histories take: called once a search, it would
 * otherwise run the 100,000-message turns in unoptimised code, as no bot that has served such an
 * agent for a while does.
 *
 * <p>Turns are {@code gap=MS} apart (default 100 ms, far quicker than anyone types), which is when the
 * work Kindred deliberately does off the reply path (embedding new messages, the after-turn commit
 * and budget check) happens; {@code gap=0} runs them back to back, with that work competing. On
 * Linux the JVM runs with the Docker image's {@code -XX:+UseTransparentHugePages} (Maven profile
 * {@code linux}).
 * Run: mvn -B -q -Pbench test-compile exec:exec -Dbench.main=dev.kindred.bench.TurnOverheadBench
 * [-Dbench.args="1000 100000 gap=100"]
 */
public final class TurnOverheadBench {
    private static final int WARMUP = 30;
    private static final int TURNS = 300;
    private static final int JIT_WARMUP_RUNS = 20;
    private static final int LARGE_WARMUP_SIZE = 10_000;
    private static final Speaker ADA = new Speaker("42", "Ada");

    private TurnOverheadBench() {}

    public static void main(String[] args) throws Exception {
        System.out.printf("%-10s %8s %8s %8s %12s%n", "messages", "p50 ms", "p99 ms", "max ms", "cpu ms/turn");
        int[] sizes = Arrays.stream(args)
                .filter(a -> a.matches("\\d+"))
                .mapToInt(Integer::parseInt)
                .toArray();
        long gapMillis = Arrays.stream(args)
                .filter(a -> a.startsWith("gap="))
                .mapToLong(a -> Long.parseLong(a.substring(4)))
                .findFirst()
                .orElse(100);
        System.out.println("turns " + gapMillis + " ms apart");
        for (int run = 0; run < JIT_WARMUP_RUNS; run++) {
            measure(run % 2 == 0 ? 1_000 : LARGE_WARMUP_SIZE, 0); // JIT warm-up, not reported: see the class comment
        }
        for (int size : sizes.length == 0 ? new int[] {1_000, 100_000} : sizes) {
            double[] millis = measure(size, gapMillis);
            double cpu = millis[TURNS];
            millis = Arrays.copyOf(millis, TURNS);
            Arrays.sort(millis);
            System.out.printf(
                    "%-10d %8.2f %8.2f %8.2f %12.2f%n",
                    size, at(millis, 0.50), at(millis, 0.99), millis[millis.length - 1], cpu);
        }
        double[] embedding = embedAlone(gapMillis);
        System.out.printf(
                "%-10s %8.2f %8.2f %8.2f %12s  (one query embedded alone, the same gap apart: the model's fixed cost on this machine)%n",
                "embed", at(embedding, 0.50), at(embedding, 0.99), embedding[embedding.length - 1], "");
        System.exit(0); // the embedding runtime leaves a non-daemon thread behind
    }

    private static double[] measure(int stored, long gapMillis) throws Exception {
        try (DataDirectory dir = DataDirectory.create("kindred-bench");
                RuntimeFixture f = RuntimeFixture.builder(dir.path())
                        .embedInBackground()
                        .usageInStore()
                        .build()) {
            Agent agent = f.directory.create("Bench", AgentScope.dm("42"), "42", "test/tiny");
            f.services
                    .agents()
                    .update(agent.id(), a -> a.withSleeptime(a.sleeptime().withEnabled(false)));
            fill(f, agent, stored);
            AtomicInteger queries = new AtomicInteger();
            f.model.otherwise(request -> {
                boolean searched =
                        request.messages().get(request.messages().size() - 1).role()
                                == dev.kindred.model.ChatMessage.Role.TOOL;
                return searched
                        ? ScriptedModel.response("Noted.", List.of(), request)
                        : ScriptedModel.response(
                                "",
                                List.of(new ToolCall(
                                        "c1",
                                        "conversation_search",
                                        "{\"query\":\"lighthouse trip " + queries.incrementAndGet() + "\"}")),
                                request);
            });
            double[] millis = new double[TURNS + 1];
            long cpuAtStart = 0;
            for (int i = -WARMUP; i < TURNS; i++) {
                if (i == 0) {
                    cpuAtStart = processCpuNanos();
                }
                long start = System.nanoTime();
                CompletableFuture<TurnResult> turn = f.runtime.submit(new Inbound(
                        agent.id(), "dm-1", ADA, "message " + i + " about my day", discordMessageId(i), Instant.now()));
                // stopped where the bot sends the reply: in a callback on the thread that completes the turn
                long elapsed = turn.thenApply(done -> System.nanoTime()).join() - start;
                TurnResult result = turn.join();
                if (result.status() != TurnResult.Status.REPLIED) {
                    throw new IllegalStateException("turn failed: " + result.reply());
                }
                if (i >= 0) {
                    millis[i] = elapsed / 1e6;
                }
                Thread.sleep(gapMillis);
            }
            millis[TURNS] = (processCpuNanos() - cpuAtStart) / 1e6 / TURNS;
            return millis;
        }
    }

    /** Embeds queries like the turns' search queries, one at a time, {@code gapMillis} apart; sorted. */
    private static double[] embedAlone(long gapMillis) throws InterruptedException {
        double[] millis = new double[TURNS];
        for (int i = -WARMUP; i < TURNS; i++) {
            long start = System.nanoTime();
            SharedMiniLm.get().embed("lighthouse trip " + (100_000 + i));
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Thread.sleep(gapMillis);
        }
        Arrays.sort(millis);
        return millis;
    }

    /** A Discord message id, as the bot passes with every message so a redelivery is stored once. */
    private static String discordMessageId(int turn) {
        return Long.toString(1_300_000_000_000_000_000L + WARMUP + turn);
    }

    /** Stores the history directly (with random unit vectors for recall, so the index loads without embedding 100k texts). */
    private static void fill(RuntimeFixture f, Agent agent, int count) {
        Random random = new Random(7);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
            Speaker who = role == Role.USER ? ADA : Speaker.AGENT;
            String text =
                    "Day " + i + ": talked about the lighthouse, the garden, work number " + random.nextInt(500) + ".";
            var m = f.services
                    .messages()
                    .append(NewMessage.text(agent.id(), role, text, who, "dm-1", t.plusSeconds(60L * i)));
            f.storage.messageVectors().put(agent.id(), m.seq(), unit(random));
        }
        long last = f.services.messages().lastSeq(agent.id());
        f.services
                .agents()
                .update(
                        agent.id(),
                        a -> a.withWindow(
                                new ContextWindow(Math.max(1, last - 40), "Ada and the agent talked a lot.")));
    }

    private static float[] unit(Random random) {
        float[] v = new float[384];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** CPU time of every thread of the process (turns, background embedding, the embedded server, GC). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
