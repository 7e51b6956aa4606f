package dev.kindred.console;

import dev.kindred.memory.Authors;
import dev.kindred.memory.Passage;
import dev.kindred.memory.SearchHit;
import dev.kindred.memory.SearchQuery;
import dev.kindred.memory.UserInputException;
import java.util.List;

/** {@code /archival search TEXT | add TEXT | list}: archival memory from the terminal. */
final class ArchivalCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "archival";
    }

    @Override
    public String help() {
        return "/archival search TEXT | add TEXT | list   archival memory";
    }

    @Override
    public void run(ConsoleSession session, String arguments) {
        String[] parts = arguments.trim().split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1].trim() : "";
        String agentId = session.agent().id();
        switch (parts[0]) {
            case "search" -> {
                List<SearchHit<Passage>> hits =
                        session.services().archival().search(agentId, SearchQuery.of(require(rest), 10));
                hits.forEach(h -> session.out()
                        .printf(
                                "%.3f  %s  %s%n",
                                h.score(), h.item().tags(), h.item().text()));
                if (hits.isEmpty()) {
                    session.out().println("nothing found");
                }
            }
            case "add" -> {
                Passage p = session.services()
                        .archival()
                        .insert(agentId, require(rest), List.of(), Authors.user("console"));
                session.out().println("stored as " + p.id());
            }
            case "list" ->
                session.services()
                        .passages()
                        .list(agentId, 0, 20)
                        .forEach(p -> session.out().printf("%s  %s  %s%n", p.id(), p.tags(), p.text()));
            default -> throw new UserInputException("usage: " + help());
        }
    }

    private String require(String text) {
        if (text.isBlank()) {
            throw new UserInputException("usage: " + help());
        }
        return text;
    }
}
