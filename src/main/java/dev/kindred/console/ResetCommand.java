package dev.kindred.console;

/** {@code /reset}: empties the context window; memory and recall are kept. */
final class ResetCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "reset";
    }

    @Override
    public String help() {
        return "/reset                  clear the context window (memory and recall are kept)";
    }

    @Override
    public void run(ConsoleSession session, String arguments) {
        session.directory().reset(session.agent().id());
        session.out().println("Context window cleared. Memory blocks, archival and recall are kept.");
    }
}
