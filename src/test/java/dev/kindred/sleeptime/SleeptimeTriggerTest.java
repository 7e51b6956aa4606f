package dev.kindred.sleeptime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Speaker;
import dev.kindred.model.ChatRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SleeptimeTriggerTest {
    private static final Speaker ADA = new Speaker("42", "Ada");

    @TempDir
    Path dir;

    private SleeptimeFixture f;

    @BeforeEach
    void open() {
        f = new SleeptimeFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void twoInterleavedChannelsEachTriggerAtTheirOwnCount() {
        Agent agent = f.agent(AgentScope.dm(SleeptimeFixture.id()));

        f.say(agent, "a", ADA, "a1");
        f.say(agent, "b", ADA, "b1");
        f.say(agent, "a", ADA, "a2");
        f.say(agent, "b", ADA, "b2");
        f.say(agent, "a", ADA, "a3");

        assertThat(f.jobs.latest(agent.id(), "a")).hasValueSatisfying(job -> {
            assertThat(job.fromSeq()).isEqualTo(1);
            assertThat(job.toSeq()).isEqualTo(10);
        });
        assertThat(f.jobs.latest(agent.id(), "b")).isEmpty();
        assertThat(f.jobs.counters(agent.id())).isEqualTo(Map.of("a", 0L, "b", 2L));

        f.say(agent, "b", ADA, "b3");

        assertThat(f.jobs.latest(agent.id(), "b"))
                .hasValueSatisfying(job -> assertThat(job.toSeq()).isEqualTo(12));
        assertThat(f.jobs.counters(agent.id())).isEqualTo(Map.of("a", 0L, "b", 0L));
    }

    @Test
    void countsSurviveARestart() {
        Agent agent = f.agent(AgentScope.dm(SleeptimeFixture.id()));
        f.say(agent, "a", ADA, "a1");
        f.say(agent, "a", ADA, "a2");

        f.restart();
        f.say(agent, "a", ADA, "a3");

        assertThat(f.jobs.latest(agent.id(), "a")).isPresent();
    }

    @Test
    void queueingTheSameJobTwiceStoresItOnce() {
        SleeptimeJob job = SleeptimeJob.queued("agent-x", "a", 1, 5, f.clock.instant());

        assertThat(f.jobs.insert(job)).isTrue();
        assertThat(f.jobs.insert(job)).isFalse();
        assertThat(f.jobs.recent("agent-x", 10)).hasSize(1);
    }

    /** However many older jobs are backing off, a due job behind them is found. */
    @Test
    void aDueJobIsClaimedBehindManyOlderJobsThatBackOff() {
        Instant now = f.clock.instant();
        for (int i = 0; i < 120; i++) {
            f.jobs.insert(backingOff("resting-" + i, now.plusMillis(i), now.plus(Duration.ofHours(1))));
        }
        f.jobs.insert(SleeptimeJob.queued("due", "a", 1, 5, now.plusSeconds(1)));

        assertThat(f.jobs.claim("worker", now.plusSeconds(2), Duration.ofMinutes(5)))
                .map(SleeptimeJob::agentId)
                .contains("due");
    }

    private static SleeptimeJob backingOff(String agentId, Instant createdAt, Instant notBefore) {
        SleeptimeJob queued = SleeptimeJob.queued(agentId, "a", 1, 5, createdAt);
        return new SleeptimeJob(
                queued.id(),
                agentId,
                "a",
                1,
                5,
                SleeptimeJob.Status.PENDING,
                1,
                createdAt,
                notBefore,
                Instant.EPOCH,
                null,
                List.of(),
                List.of(),
                List.of(),
                "rate limited",
                null);
    }

    @Test
    void theTranscriptsOfConsecutiveRunsCoverEveryMessageExactlyOnce() {
        Agent agent = f.agent(AgentScope.dm(SleeptimeFixture.id()));
        Random random = new Random(7);
        List<String> said = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String channel = random.nextBoolean() ? "a" : "b";
            String text = channel + "-msg-" + i;
            said.add(text);
            f.say(agent, channel, ADA, text);
            if (random.nextInt(3) == 0) {
                f.runner.drain();
            }
        }
        f.service.runNow(agent.id(), "a");
        f.service.runNow(agent.id(), "b");
        f.runner.drain();

        List<String> seen = new ArrayList<>();
        for (ChatRequest request : f.model.sleeptimeRequests) {
            String transcript = ScriptedModels.transcriptOf(request);
            Matcher m = Pattern.compile("Ada: ([ab])-msg-(\\d+)").matcher(transcript);
            String channel = null;
            while (m.find()) {
                assertThat(channel == null || channel.equals(m.group(1)))
                        .as("one run sees one channel")
                        .isTrue();
                channel = m.group(1);
                seen.add(m.group(1) + "-msg-" + m.group(2));
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(said);
        assertThat(f.model.sleeptimeRequests.size()).isGreaterThan(5);
    }
}
