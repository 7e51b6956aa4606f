package dev.kindred.console;

import java.util.function.UnaryOperator;

/** {@code /usage}: tokens, cache share and estimated cost for today, the last 7 days and all time. */
public final class UsageCommand implements ConsoleCommand {
    private final UnaryOperator<String> reportForAgent;

    public UsageCommand(UnaryOperator<String> reportForAgent) {
        this.reportForAgent = reportForAgent;
    }

    @Override
    public String name() {
        return "usage";
    }

    @Override
    public String help() {
        return "/usage                  tokens, cache share and cost";
    }

    @Override
    public void run(ConsoleSession session, String arguments) {
        session.out().println(reportForAgent.apply(session.agent().id()));
    }
}
