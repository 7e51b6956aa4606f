package dev.kindred.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.ProviderConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageReportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final ModelsConfig CONFIG = new ModelsConfig(
            "",
            Map.of(
                    "anthropic",
                    new ProviderConfig(
                            "anthropic",
                            "https://api.anthropic.com",
                            "ANTHROPIC_API_KEY",
                            Map.of("claude-sonnet-4-5", new ModelPrice(3.0, 0.30, 3.75, 15.0, 200_000)))),
            4,
            Duration.ofMillis(500),
            Duration.ofSeconds(20),
            Duration.ofSeconds(120));

    @Test
    void costUsesEachTokenKindsPrice() {
        CostCalculator costs = new CostCalculator(CONFIG);
        double cost = costs.costUsd("anthropic/claude-sonnet-4-5", new Usage(1_000_000, 2_000_000, 100_000, 10_000));
        assertThat(cost).isCloseTo(3.0 + 0.60 + 0.375 + 0.15, within(1e-9));
        assertThat(costs.costUsd("anthropic/unknown", new Usage(1, 1, 1, 1))).isZero();
        assertThat(costs.costUsd("mistral/large", new Usage(1, 1, 1, 1))).isZero();
    }

    @Test
    void periodsSplitByDayAndCacheShareIsReadOverTotalInput() {
        List<UsageRecord> history = List.of(
                record(TODAY.minusDays(30), new Usage(1000, 0, 0, 100), 1.0),
                record(TODAY.minusDays(6), new Usage(100, 300, 100, 50), 0.5),
                record(TODAY, new Usage(100, 800, 100, 10), 0.25),
                record(TODAY, new Usage(0, 0, 0, 5), 0.25));

        UsageReport report = UsageReport.of(history, TODAY);

        assertThat(report.today().usage()).isEqualTo(new Usage(100, 800, 100, 15));
        assertThat(report.today().cacheShare()).isEqualTo(0.8);
        assertThat(report.today().costUsd()).isEqualTo(0.5);
        assertThat(report.lastSevenDays().usage()).isEqualTo(new Usage(200, 1100, 200, 65));
        assertThat(report.allTime().costUsd()).isEqualTo(2.0);
        assertThat(report.toText()).isEqualTo("""
                        period              input   from cache     output  cache       cost
                        today               1,000          800         15    80%    $0.5000
                        last 7 days         1,500        1,100         65    73%    $1.0000
                        all time            2,500        1,100        165    44%    $2.0000
                        """);
        assertThat(report.toDiscord()).startsWith("```\nperiod").endsWith("$2.0000\n```");
    }

    @Test
    void ledgerRecordsCostUnderTheUtcDay() {
        List<UsageRecord> stored = new ArrayList<>();
        UsageStore store = new UsageStore() {
            @Override
            public void record(UsageRecord call) {
                stored.add(call);
            }

            @Override
            public List<UsageRecord> history(String agentId) {
                return stored;
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T23:59:00Z"), ZoneOffset.ofHours(5));
        UsageLedger ledger = new UsageLedger(store, new CostCalculator(CONFIG), clock);
        ChatResponse response = new ChatResponse(
                "hi", List.of(), StopReason.END_TURN, new Usage(1_000_000, 0, 0, 0), "anthropic/claude-sonnet-4-5");

        UsageRecord recorded = ledger.record("agent-1", response);

        assertThat(recorded.day()).isEqualTo(TODAY);
        assertThat(recorded.costUsd()).isEqualTo(3.0);
        assertThat(ledger.report("agent-1").today().usage().inputTokens()).isEqualTo(1_000_000);
    }

    private static UsageRecord record(LocalDate day, Usage usage, double cost) {
        return new UsageRecord("agent-1", "anthropic/claude-sonnet-4-5", day, usage, cost);
    }
}
