package dev.kindred.agent;

import dev.kindred.agent.tools.ToolSet;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.NewMessage;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.store.DataDirectory;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * What compiling one context and counting its tokens costs for a window of {@code window} messages
 * (default 340) that has grown by one message since the last compile, as at the start of a turn
 * (the compiler and the counter resume their last mapping, so the window growing is the case to
 * time): back to back and after {@code idle=MS} of idling (default 100 ms, as between
 * TurnOverheadBench's turns, when the machine's caches go cold). Each compile's new message stays, so
 * the window ends 900 messages longer.
 * It lives in the runtime's package because compiling is not public API.
 * Run: mvn -B -q -Pbench test-compile exec:exec -Dbench.main=dev.kindred.agent.ContextCompileBench
 * [-Dbench.args="340 idle=100"]
 */
public final class ContextCompileBench {
    private static final int RUNS = 300;
    private static final Speaker ADA = new Speaker("42", "Ada");

    private ContextCompileBench() {}

    public static void main(String[] args) throws Exception {
        int windowSize = Arrays.stream(args)
                .filter(a -> a.matches("\\d+"))
                .mapToInt(Integer::parseInt)
                .findFirst()
                .orElse(340);
        long idleMillis = Arrays.stream(args)
                .filter(a -> a.startsWith("idle="))
                .mapToLong(a -> Long.parseLong(a.substring(5)))
                .findFirst()
                .orElse(100);
        try (DataDirectory dir = DataDirectory.create("kindred-compile-bench");
                RuntimeFixture f = RuntimeFixture.builder(dir.path()).build()) {
            Agent agent = agentWithHistory(f, windowSize);
            ContextCompiler compiler = new ContextCompiler(
                    f.services.blocks(), f.services.messages(), f.services.passages(), f.runtime.snapshots());
            ToolSet tools = ToolSet.primary(f.runtime.blockEditor(), f.services.archival(), f.services.recall(), true);
            TokenCounter tokens = new TokenCounter();
            System.out.printf("%-22s %14s %14s%n", windowSize + " messages", "compile p50 ms", "count p50 ms");
            for (long pause : new long[] {0, 0, idleMillis}) { // the first back-to-back round warms the JIT
                double[] compile = new double[RUNS];
                double[] count = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long last = f.services
                            .messages()
                            .append(NewMessage.text(agent.id(), Role.USER, "and then " + i, ADA, "dm-1", Instant.now()))
                            .seq();
                    TurnScope turn = new TurnScope(Set.of(last), last);
                    long start = System.nanoTime();
                    ContextCompiler.Compiled compiled = compiler.compile(agent, tools, turn, 1_000, Instant.now());
                    long compiledAt = System.nanoTime();
                    tokens.fits(compiled, Integer.MAX_VALUE);
                    compile[i] = (compiledAt - start) / 1e6;
                    count[i] = (System.nanoTime() - compiledAt) / 1e6;
                    Thread.sleep(pause);
                }
                Arrays.sort(compile);
                Arrays.sort(count);
                System.out.printf(
                        "%-22s %14.3f %14.3f%n",
                        pause == 0 ? "back to back" : "after " + pause + " ms idle",
                        compile[RUNS / 2],
                        count[RUNS / 2]);
            }
        }
        System.exit(0); // the embedding runtime leaves a non-daemon thread behind
    }

    private static Agent agentWithHistory(RuntimeFixture f, int windowSize) {
        Agent agent = f.directory.create("Bench", AgentScope.dm("42"), "42", "test/tiny");
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < windowSize + 100; i++) {
            Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
            String text = "Day " + i + ": talked about the lighthouse, the garden, work number " + i + ".";
            f.services
                    .messages()
                    .append(NewMessage.text(
                            agent.id(),
                            role,
                            text,
                            role == Role.USER ? ADA : Speaker.AGENT,
                            "dm-1",
                            t.plusSeconds(60L * i)));
        }
        long last = f.services.messages().lastSeq(agent.id());
        return f.services.agents().update(agent.id(), a -> a.withWindow(new ContextWindow(last - windowSize + 1, "")));
    }
}
