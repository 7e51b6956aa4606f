package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /agent reset}: empties the context window; memory and recall stay. */
final class AgentResetCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("reset", "Start a fresh conversation (memory and history are kept)");
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        call.bot().deps().directory().reset(agent.id());
        call.reply(agent.name() + " starts a fresh conversation; its memory and history are kept.");
    }
}
