package dev.kindred.console;

import dev.kindred.agent.Inbound;
import dev.kindred.agent.TurnResult;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The terminal chat: every line is a message to the agent, answered by the same runtime and memory as
 * the bot; lines starting with {@code /} are commands ({@code /help} lists them, {@code /exit} ends).
 */
public final class ConsoleChat {
    public static final String CHANNEL = "console";
    private static final Speaker YOU = new Speaker("console", "you");

    private final ConsoleSession session;
    private final Map<String, ConsoleCommand> commands = new LinkedHashMap<>();
    private final Clock clock;

    public ConsoleChat(ConsoleSession session, List<ConsoleCommand> extraCommands, Clock clock) {
        this.session = session;
        this.clock = clock;
        for (ConsoleCommand command : List.of(new MemoryCommand(), new ArchivalCommand(), new ResetCommand())) {
            commands.put(command.name(), command);
        }
        extraCommands.forEach(c -> commands.put(c.name(), c));
    }

    /** Standard commands that need wiring from outside (the model check). */
    public static ConsoleCommand modelCommand(java.util.function.Consumer<String> requireAvailable) {
        return new ModelCommand(requireAvailable);
    }

    public void run(BufferedReader in) throws IOException {
        session.out()
                .println("Talking with " + session.agent().name() + " ("
                        + session.agent().model() + "). /help lists commands, /exit ends.");
        for (String line = prompt(in); line != null; line = prompt(in)) {
            String text = line.strip();
            if (text.equals("/exit") || text.equals("/quit")) {
                break;
            }
            if (text.startsWith("/")) {
                command(text.substring(1));
            } else if (!text.isEmpty()) {
                say(text);
            }
        }
        session.out().println("Bye.");
    }

    private String prompt(BufferedReader in) throws IOException {
        session.out().print("> ");
        session.out().flush();
        return in.readLine();
    }

    private void command(String text) {
        String[] parts = text.split("\\s+", 2);
        ConsoleCommand command = commands.get(parts[0]);
        if (command == null) {
            session.out().println("Commands:");
            commands.values().forEach(c -> session.out().println("  " + c.help()));
            session.out().println("  /exit                   leave");
            return;
        }
        try {
            command.run(session, parts.length > 1 ? parts[1] : "");
        } catch (UserInputException e) {
            session.out().println("! " + e.getMessage());
        }
    }

    private void say(String text) {
        Inbound inbound = new Inbound(session.agent().id(), CHANNEL, YOU, text, null, clock.instant());
        try {
            TurnResult result = session.runtime().submit(inbound).join();
            String prefix = result.status() == TurnResult.Status.FAILED
                    ? "! "
                    : session.agent().name() + ": ";
            session.out().println(prefix + result.reply());
        } catch (CompletionException e) {
            session.out().println("! the turn failed: " + e.getCause().getMessage() + " (your message is saved)");
        } catch (UserInputException e) {
            session.out().println("! " + e.getMessage());
        }
    }
}
