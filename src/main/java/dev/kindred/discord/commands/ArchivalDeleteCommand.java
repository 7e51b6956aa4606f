package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /archival delete id}: removes one passage. */
final class ArchivalDeleteCommand implements SlashCommand {
    @Override
    public String group() {
        return "archival";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("delete", "Delete a passage from the archive")
                .addOption(OptionType.STRING, "id", "The passage id (see /archival list)", true);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        String id = call.string("id").strip();
        boolean deleted = call.bot().services().archival().delete(agent.id(), id);
        call.bot().services().checkpoint().commit();
        call.reply(deleted ? "Deleted passage `" + id + "`." : "There is no passage `" + id + "`.");
    }
}
