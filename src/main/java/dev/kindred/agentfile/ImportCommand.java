package dev.kindred.agentfile;

import dev.kindred.memory.AgentScope;
import dev.kindred.memory.UserInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kindred import FILE [--owner ID]}: imports a Letta Agent File as console agents and prints
 * what came across. Returns the process exit code (0 done, 1 refused, 2 usage).
 */
public final class ImportCommand {
    public static final String USAGE = "usage: kindred import FILE [--owner ID]";
    private static final String CONSOLE_OWNER = "console";

    private final AgentTransfer transfer;
    private final PrintStream out;

    public ImportCommand(AgentTransfer transfer, PrintStream out) {
        this.transfer = transfer;
        this.out = out;
    }

    public int run(List<String> args) {
        if (args.size() != 1 && !(args.size() == 3 && args.get(1).equals("--owner"))) {
            out.println(USAGE);
            return 2;
        }
        String owner = args.size() == 3 ? args.get(2) : CONSOLE_OWNER;
        try {
            ImportReport report = transfer.importAgents(read(Path.of(args.get(0))), AgentScope.console(), owner);
            print(report);
            return 0;
        } catch (UserInputException e) {
            out.println("Import refused, nothing was written: " + e.getMessage());
            return 1;
        }
    }

    private static byte[] read(Path file) {
        try {
            AgentFileJson.requireSize(Files.size(file));
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void print(ImportReport report) {
        out.println("Imported " + String.join(", ", report.agentNames()) + ": " + report.blocks() + " blocks, "
                + report.messages() + " messages, " + report.passages() + " passages.");
        report.notices().forEach(notice -> out.println("  - " + notice));
    }
}
