package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.SleeptimeSettings;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /sleeptime frequency n}: consolidate after every n messages in a channel. */
final class SleeptimeFrequencyCommand implements SlashCommand {
    @Override
    public String group() {
        return "sleeptime";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("frequency", "How many messages between consolidations")
                .addOptions(new OptionData(OptionType.INTEGER, "messages", "Messages per run", true)
                        .setRequiredRange(1, 1_000));
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        int n = call.optionalLong("messages").orElseThrow().intValue();
        Agent saved = call.bot()
                .services()
                .agents()
                .update(
                        agent.id(),
                        a -> a.withSleeptime(new SleeptimeSettings(
                                a.sleeptime().enabled(), n, a.sleeptime().model())));
        call.reply("Sleeptime: " + Describe.sleeptime(saved));
    }
}
