package dev.kindred.agentfile;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.AgentStore;
import dev.kindred.memory.UserInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kindred export NAME [FILE]}: writes the console agent NAME as a Letta Agent File (to
 * {@code NAME.af} when no file is given). Returns the process exit code (0 done, 1 refused, 2 usage).
 */
public final class ExportCommand {
    public static final String USAGE = "usage: kindred export NAME [FILE]";

    private final AgentTransfer transfer;
    private final AgentStore agents;
    private final PrintStream out;

    public ExportCommand(AgentTransfer transfer, AgentStore agents, PrintStream out) {
        this.transfer = transfer;
        this.agents = agents;
        this.out = out;
    }

    public int run(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            out.println(USAGE);
            return 2;
        }
        String name = args.get(0);
        Path file = Path.of(args.size() == 2 ? args.get(1) : AgentNames.sanitize(name) + ".af");
        try {
            Agent agent = agents.findByName(AgentScope.console(), name)
                    .orElseThrow(() -> new UserInputException("there is no console agent called '" + name + "'"));
            byte[] bytes = transfer.exportAgent(agent.id());
            Files.write(file, bytes);
            out.println("Exported " + agent.name() + " to " + file + " (" + bytes.length + " bytes).");
            return 0;
        } catch (UserInputException e) {
            out.println("Export refused: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("Export failed: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
