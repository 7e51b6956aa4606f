package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.MemoryConflictException;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/** {@code /agent instructions}: edits the agent's own instructions in a text box. */
final class AgentInstructionsCommand implements SlashCommand, ModalHandler {
    static final String PREFIX = "agent-instructions";
    private static final String FIELD = "instructions";

    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("instructions", "Edit the agent's instructions");
    }

    @Override
    public boolean mayOpenModal(CommandCall call) {
        return true;
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        if (agent.instructions().length() > TextInput.MAX_VALUE_LENGTH) {
            throw new UserInputException("These instructions are longer than a Discord text box holds ("
                    + TextInput.MAX_VALUE_LENGTH + " characters); edit them from the terminal.");
        }
        TextInput.Builder input = TextInput.create(FIELD, TextInputStyle.PARAGRAPH)
                .setRequired(false)
                .setMaxLength(TextInput.MAX_VALUE_LENGTH);
        if (!agent.instructions().isEmpty()) {
            input.setValue(agent.instructions());
        }
        call.replyModal(Modal.create(PREFIX + ":" + agent.id() + ":" + agent.version(), "Instructions")
                .addComponents(Label.of(
                        Texts.shorten("Instructions for " + agent.name(), Label.LABEL_MAX_LENGTH), input.build()))
                .build());
    }

    @Override
    public String modalPrefix() {
        return PREFIX;
    }

    @Override
    public void submit(ModalInteractionEvent event, CommandCall call, String[] idParts) {
        Agent agent = call.bot()
                .services()
                .agents()
                .get(idParts[1])
                .orElseThrow(() -> new UserInputException("That agent no longer exists."));
        call.bot().access().requireManage(agent, call.user(), call.member());
        ModalMapping value = event.getValue(FIELD);
        String text = value == null ? "" : value.getAsString().strip();
        long shown = Long.parseLong(idParts[2]);
        call.bot().services().agents().update(agent.id(), a -> {
            if (a.version() != shown) {
                // Agents do not record their last editor, so the conflict cannot name one.
                throw new MemoryConflictException(
                        "The instructions of " + a.name(), shown, a.version(), "someone else");
            }
            return a.withInstructions(text);
        });
        call.reply("Saved the instructions of " + agent.name() + ".");
    }
}
