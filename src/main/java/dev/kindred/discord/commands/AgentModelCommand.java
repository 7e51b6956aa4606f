package dev.kindred.discord.commands;

import dev.kindred.discord.BotContext;
import dev.kindred.memory.Agent;
import dev.kindred.memory.UserInputException;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /agent model model}: which model the agent runs on (autocompleted from the configured ones). */
final class AgentModelCommand implements SlashCommand, Autocompleting {
    @Override
    public String group() {
        return "agent";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("model", "Choose the model the agent runs on")
                .addOption(OptionType.STRING, "model", "provider/model, e.g. anthropic/claude-sonnet-4-5", true, true);
    }

    @Override
    public void run(CommandCall call) {
        Agent agent = call.agent();
        call.bot().access().requireManage(agent, call.user(), call.member());
        String model = requireKnown(call.bot(), call.string("model"));
        call.bot().services().agents().update(agent.id(), a -> a.withModel(model, a.fallbackModel()));
        call.reply(agent.name() + " now runs on " + model + ".");
    }

    static String requireKnown(BotContext bot, String model) {
        String m = model.strip();
        if (!bot.deps().knownModel().test(m)) {
            throw new UserInputException("'" + m + "' is not a configured model. Pick one from the list.");
        }
        return m;
    }

    @Override
    public List<String> suggest(BotContext bot, String option, String typed) {
        return matching(bot, typed);
    }

    static List<String> matching(BotContext bot, String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        return bot.deps().models().get().stream()
                .filter(m -> m.toLowerCase(Locale.ROOT).contains(t))
                .toList();
    }
}
