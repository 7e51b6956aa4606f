package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /agent delete [name]}: asks for confirmation with a button, then deletes the agent and all it keeps. */
final class AgentDeleteCommand implements SlashCommand, ButtonHandler {
    static final String PREFIX = "agent-delete";

    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("delete", "Delete an agent and everything it remembers")
                .addOption(OptionType.STRING, "name", "The agent (default: the one that answers here)", false);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = target(call);
        call.bot().access().requireManage(agent, call.user(), call.member());
        call.replyWith(
                "Delete " + agent.name() + " with all its memory, messages and archive? This cannot be undone.",
                ActionRow.of(Button.danger(PREFIX + ":" + agent.id(), "Delete " + agent.name())));
    }

    private static Agent target(CommandCall call) {
        var name = call.optionalString("name");
        return name.isPresent() ? call.bot().places().byName(call.scope(), name.get()) : call.agent();
    }

    @Override
    public String buttonPrefix() {
        return PREFIX;
    }

    @Override
    public void click(ButtonInteractionEvent event, CommandCall call, String[] idParts) {
        Agent agent = call.bot()
                .services()
                .agents()
                .get(idParts[1])
                .orElseThrow(() -> new UserInputException("That agent was already deleted."));
        call.bot().access().requireManage(agent, call.user(), call.member());
        call.bot().deps().directory().delete(agent.id());
        call.reply("Deleted " + agent.name() + ".");
    }
}
