package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Passage;
import dev.kindred.memory.UserInputException;
import dev.kindred.memory.search.ArchivalFiles;
import dev.kindred.memory.search.TextChunker;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /archival add [text] [file] [tags]}: stores a passage, or a .txt/.md file split into passages. */
final class ArchivalAddCommand implements SlashCommand {
    @Override
    public String group() {
        return "archival";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("add", "Add a passage (or a .txt/.md file) to the archive")
                .addOption(OptionType.STRING, "text", "The passage", false)
                .addOption(OptionType.ATTACHMENT, "file", "A .txt or .md file", false)
                .addOption(OptionType.STRING, "tags", "Tags (comma-separated)", false);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        List<String> tags =
                call.optionalString("tags").map(ArchivalSearchCommand::tags).orElse(List.of());
        var file = call.attachment("file");
        if (file.isPresent()) {
            addFile(call, agent, file.get(), tags);
            return;
        }
        String text = call.optionalString("text")
                .orElseThrow(() -> new UserInputException("Give the passage as text, or attach a .txt or .md file."));
        var passage = call.bot()
                .services()
                .archival()
                .insert(agent.id(), text.strip(), tags, call.author(), call.serverChannelId());
        call.bot().services().checkpoint().commit();
        call.reply("Archived as `" + passage.id() + "`.");
    }

    private static void addFile(CommandCall call, Agent agent, Message.Attachment file, List<String> tags) {
        List<Passage> added = new ArchivalFiles(call.bot().services().archival(), new TextChunker())
                .add(agent.id(), file.getFileName(), call.readText(file), tags, call.serverChannelId());
        call.bot().services().checkpoint().commit();
        call.reply("Archived " + file.getFileName() + " as " + added.size() + " passage(s).");
    }
}
