package dev.kindred.discord.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** Every slash command Kindred has, in one list, and how they are found again by name. */
public final class CommandRegistry {
    private static final Map<String, String> GROUPS = Map.of(
            "memory", "Read and edit what the agent remembers",
            "archival", "The agent's long-term archive",
            "recall", "Search past conversation",
            "agent", "Manage agents",
            "sleeptime", "Background memory consolidation",
            "usage", "What this agent has cost",
            "privacy", "See, export or erase what Kindred keeps about you");

    private final List<SlashCommand> commands;

    public CommandRegistry(List<SlashCommand> commands) {
        this.commands = List.copyOf(commands);
    }

    public static CommandRegistry standard() {
        return new CommandRegistry(List.of(
                new MemoryViewCommand(),
                new MemoryEditCommand(),
                new MemoryAppendCommand(),
                new MemoryCreateCommand(),
                new MemoryDeleteCommand(),
                new MemoryHistoryCommand(),
                new MemoryRevertCommand(),
                new MemoryAttachCommand(),
                new MemoryDetachCommand(),
                new ArchivalSearchCommand(),
                new ArchivalAddCommand(),
                new ArchivalDeleteCommand(),
                new ArchivalListCommand(),
                new RecallSearchCommand(),
                new AgentInfoCommand(),
                new AgentListCommand(),
                new AgentCreateCommand(),
                new AgentSwitchCommand(),
                new AgentRenameCommand(),
                new AgentDeleteCommand(),
                new AgentResetCommand(),
                new AgentModelCommand(),
                new AgentInstructionsCommand(),
                new AgentBindCommand(),
                new AgentUnbindCommand(),
                new AgentImportCommand(),
                new AgentExportCommand(),
                new SleeptimeStatusCommand(),
                new SleeptimeRunCommand(),
                new SleeptimeFrequencyCommand(),
                new SleeptimeSwitchCommand(true),
                new SleeptimeSwitchCommand(false),
                new SleeptimeModelCommand(),
                new UsageCommand(),
                new PrivacyShowCommand(),
                new PrivacyExportCommand(),
                new PrivacyForgetCommand()));
    }

    public List<SlashCommand> commands() {
        return commands;
    }

    /** The global commands, usable in servers and in DMs with the bot. */
    public List<SlashCommandData> commandData() {
        Map<String, List<SubcommandData>> byGroup = new LinkedHashMap<>();
        for (SlashCommand command : commands) {
            byGroup.computeIfAbsent(command.group(), g -> new ArrayList<>()).add(command.data());
        }
        List<SlashCommandData> data = new ArrayList<>();
        byGroup.forEach((group, subs) -> {
            SlashCommandData top = Commands.slash(group, GROUPS.getOrDefault(group, group));
            if (subs.size() == 1 && subs.get(0).getName().equals(group)) {
                top.setDescription(subs.get(0).getDescription())
                        .addOptions(subs.get(0).getOptions());
            } else {
                top.addSubcommands(subs);
            }
            data.add(top.setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                    .setIntegrationTypes(IntegrationType.GUILD_INSTALL));
        });
        return data;
    }

    public Optional<SlashCommand> find(String group, @org.jspecify.annotations.Nullable String sub) {
        String name = sub == null ? group : sub;
        return commands.stream()
                .filter(c -> c.group().equals(group) && c.data().getName().equals(name))
                .findFirst();
    }

    public <T> Optional<T> handler(Class<T> type, java.util.function.Predicate<T> matches) {
        return commands.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(matches)
                .findFirst();
    }
}
