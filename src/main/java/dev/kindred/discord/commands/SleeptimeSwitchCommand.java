package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.SleeptimeSettings;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /sleeptime on} and {@code /sleeptime off}. */
final class SleeptimeSwitchCommand implements SlashCommand {
    private final boolean on;

    SleeptimeSwitchCommand(boolean on) {
        this.on = on;
    }

    @Override
    public String group() {
        return "sleeptime";
    }

    @Override
    public SubcommandData data() {
        return on
                ? new SubcommandData("on", "Turn background consolidation on")
                : new SubcommandData("off", "Turn background consolidation off (the agent edits its own memory)");
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        Agent saved = call.bot()
                .services()
                .agents()
                .update(
                        agent.id(),
                        a -> a.withSleeptime(new SleeptimeSettings(
                                on, a.sleeptime().frequency(), a.sleeptime().model())));
        call.reply("Sleeptime: " + Describe.sleeptime(saved));
    }
}
