package dev.kindred.discord.commands;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Binding;
import dev.kindred.memory.ListenMode;
import dev.kindred.memory.UserInputException;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /agent create name}: in DMs a new companion that becomes the active one; in a server a new
 * agent (the server's default if it has none yet).
 */
final class AgentCreateCommand implements SlashCommand {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("create", "Create an agent from the template")
                .addOption(OptionType.STRING, "name", "Its name", true);
    }

    @Override
    public void run(CommandCall call) {
        String name = Agent.requireName(call.string("name").strip());
        AgentScope scope = call.scope();
        if (call.inGuild()) {
            call.bot().access().requireServerAdmin(call.member());
        }
        if (call.bot().services().agents().findByName(scope, name).isPresent()) {
            throw new UserInputException("There is already an agent named '" + name + "' here.");
        }
        Agent agent = call.bot()
                .deps()
                .directory()
                .create(name, scope, call.user().getId(), call.bot().deps().defaultModel());
        if (!call.inGuild()) {
            call.bot().places().activate(call.user().getId(), agent);
            call.reply("Created " + name + "; your DMs now go to " + name + ".");
        } else if (call.bot().places().guildBinding(call.guildId()).isEmpty()) {
            call.bot()
                    .services()
                    .bindings()
                    .bind(new Binding(Binding.guild(call.guildId()), agent.id(), ListenMode.MENTION, call.guildId()));
            call.reply("Created " + name + "; it is this server's default agent (answers when mentioned).");
        } else {
            call.reply("Created " + name + ". Bind it to a channel with `/agent bind name:" + name + "`.");
        }
    }
}
