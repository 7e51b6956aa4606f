package dev.kindred.discord.commands;

import dev.kindred.discord.BotContext;
import dev.kindred.memory.Agent;
import dev.kindred.memory.SleeptimeSettings;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /sleeptime model model}: a (cheaper) model for consolidation. */
final class SleeptimeModelCommand implements SlashCommand, Autocompleting {
    @Override
    public String group() {
        return "sleeptime";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("model", "The model consolidation runs on")
                .addOption(OptionType.STRING, "model", "provider/model", true, true);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        String model = AgentModelCommand.requireKnown(call.bot(), call.string("model"));
        Agent saved = call.bot()
                .services()
                .agents()
                .update(
                        agent.id(),
                        a -> a.withSleeptime(new SleeptimeSettings(
                                a.sleeptime().enabled(), a.sleeptime().frequency(), model)));
        call.reply("Sleeptime: " + Describe.sleeptime(saved));
    }

    @Override
    public List<String> suggest(BotContext bot, String option, String typed) {
        return AgentModelCommand.matching(bot, typed);
    }
}
