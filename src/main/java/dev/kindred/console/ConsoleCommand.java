package dev.kindred.console;

/** A command typed in the terminal chat as {@code /name arguments}. */
public interface ConsoleCommand {
    String name();

    /** One line for /help. */
    String help();

    void run(ConsoleSession session, String arguments);
}
