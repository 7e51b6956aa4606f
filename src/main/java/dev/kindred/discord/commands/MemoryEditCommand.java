package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.Block;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * {@code /memory edit label [file]}: opens a text box holding the block, or replaces the block with an
 * attached text file. The save is compare-and-set on the version seen when the box opened (carried in
 * the modal's id), so an edit never silently overwrites someone else's.
 */
final class MemoryEditCommand implements SlashCommand, ModalHandler {
    static final String PREFIX = "memory-edit";
    static final String FIELD = "value";

    @Override
    public String group() {
        return "memory";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("edit", "Edit a memory block in a text box (or replace it with a .txt file)")
                .addOption(OptionType.STRING, "label", "The block to edit", true)
                .addOption(
                        OptionType.ATTACHMENT,
                        "file",
                        "A .txt or .md file with the new value (for long blocks)",
                        false);
    }

    @Override
    public boolean mayOpenModal(CommandCall call) {
        return call.attachment("file").isEmpty();
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        Block block = MemoryRules.find(call, agent, call.string("label"));
        MemoryRules.requireEdit(call, agent, block);
        var file = call.attachment("file");
        if (file.isPresent()) {
            save(call, block.id(), block.version(), call.readText(file.get()).strip());
            return;
        }
        if (block.value().length() > TextInput.MAX_VALUE_LENGTH) {
            call.reply("`" + block.label() + "` holds " + block.value().length() + " characters, more than a Discord "
                    + "text box takes (" + TextInput.MAX_VALUE_LENGTH + "). Attach the new text as a .txt file: "
                    + "`/memory edit label:" + block.label() + " file:`");
            return;
        }
        call.replyModal(modal(block));
    }

    private static Modal modal(Block block) {
        TextInput.Builder input = TextInput.create(FIELD, TextInputStyle.PARAGRAPH)
                .setRequired(false)
                .setMaxLength(Math.min(TextInput.MAX_VALUE_LENGTH, block.limit()));
        if (!block.value().isEmpty()) {
            input.setValue(block.value());
        }
        String limit = " (limit " + block.limit() + ")";
        String label = Texts.shorten(block.label(), Label.LABEL_MAX_LENGTH - limit.length()) + limit;
        return Modal.create(
                        PREFIX + ":" + block.id() + ":" + block.version(),
                        Texts.shorten("Edit " + block.label(), Modal.MAX_TITLE_LENGTH))
                .addComponents(Label.of(label, input.build()))
                .build();
    }

    @Override
    public String modalPrefix() {
        return PREFIX;
    }

    @Override
    public void submit(ModalInteractionEvent event, CommandCall call, String[] idParts) {
        ModalMapping value = event.getValue(FIELD);
        save(
                call,
                idParts[1],
                Long.parseLong(idParts[2]),
                value == null ? "" : value.getAsString().strip());
    }

    private static void save(CommandCall call, String blockId, long version, String value) {
        Block block = call.bot()
                .services()
                .blocks()
                .get(blockId)
                .orElseThrow(() -> new UserInputException("That block no longer exists."));
        Agent agent = call.bot()
                .services()
                .agents()
                .get(block.agentIds().iterator().next())
                .orElseThrow(() -> new UserInputException("That agent no longer exists."));
        MemoryRules.requireEdit(call, agent, block);
        Block saved = call.bot().services().blocks().update(blockId, version, value, call.author());
        call.bot().services().checkpoint().commit();
        call.reply("Saved `" + saved.label() + "` (" + MemoryRules.size(saved) + ", version " + saved.version() + ").");
    }
}
