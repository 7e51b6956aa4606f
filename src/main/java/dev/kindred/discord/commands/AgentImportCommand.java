package dev.kindred.discord.commands;

import dev.kindred.agentfile.ImportReport;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /agent import file}: brings in a Letta Agent File (.af) as new agent(s) here. */
final class AgentImportCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("import", "Import a Letta Agent File (.af)")
                .addOption(OptionType.ATTACHMENT, "file", "The .af file", true);
    }

    @Override
    public void run(CommandCall call) {
        if (call.inGuild()) {
            call.bot().access().requireServerAdmin(call.member());
        }
        var file = call.attachment("file").orElseThrow(() -> new UserInputException("Attach the .af file."));
        ImportReport report = call.bot()
                .deps()
                .transfer()
                .importAgents(call.readBytes(file), call.scope(), call.user().getId());
        StringBuilder text = new StringBuilder("Imported " + String.join(", ", report.agentNames()) + ": "
                + report.blocks() + " blocks, " + report.messages() + " messages, " + report.passages()
                + " passages.");
        report.notices().forEach(n -> text.append("\n• ").append(n));
        call.reply(text.toString());
    }
}
