package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/** {@code /agent export}: the agent as an Agent File, attached. */
final class AgentExportCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("export", "Download the agent as an Agent File (.af)");
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        byte[] file = call.bot().deps().transfer().exportAgent(agent.id());
        call.replyFile(
                "Here is " + agent.name() + ".",
                FileUpload.fromData(file, agent.name().replace(' ', '_') + ".af"));
    }
}
