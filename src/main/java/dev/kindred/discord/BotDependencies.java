package dev.kindred.discord;

import dev.kindred.agent.AgentDirectory;
import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.AgentServices;
import dev.kindred.agentfile.AgentTransfer;
import dev.kindred.config.DiscordConfig;
import dev.kindred.privacy.PrivacyService;
import dev.kindred.sleeptime.SleeptimeControl;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Everything the Discord front end needs from the rest of Kindred. {@code usageReport} renders an
 * agent's usage and cost for {@code /usage}; {@code knownModel} says whether a {@code provider/model}
 * string can be served; {@code models} lists the configured models for autocomplete; {@code privacy}
 * answers {@code /privacy}.
 */
public record BotDependencies(
        AgentRuntime runtime,
        AgentDirectory directory,
        DiscordConfig config,
        String defaultModel,
        SleeptimeControl sleeptime,
        AgentTransfer transfer,
        Function<String, String> usageReport,
        Predicate<String> knownModel,
        Supplier<List<String>> models,
        Clock clock,
        PrivacyService privacy) {

    public AgentServices services() {
        return runtime.services();
    }
}
