package dev.kindred.console;

import dev.kindred.memory.Block;
import dev.kindred.memory.UserInputException;
import java.util.List;

/** {@code /memory [label]}: shows the agent's blocks with their sizes, or one block in full. */
final class MemoryCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String help() {
        return "/memory [label]         show the memory blocks (or one in full)";
    }

    @Override
    public void run(ConsoleSession session, String arguments) {
        List<Block> blocks =
                session.services().blocks().sharedBlocks(session.agent().id());
        if (arguments.isBlank()) {
            for (Block block : blocks) {
                session.out()
                        .printf(
                                "[%s] %d/%d chars, version %d, last changed by %s%n%s%n%n",
                                block.label(),
                                block.value().length(),
                                block.limit(),
                                block.version(),
                                block.updatedBy(),
                                block.value());
            }
            return;
        }
        Block block = blocks.stream()
                .filter(b -> b.label().equals(arguments.trim()))
                .findFirst()
                .orElseThrow(() -> new UserInputException("no block labelled '" + arguments.trim() + "'"));
        session.out()
                .printf(
                        "[%s] %d/%d chars, version %d%n%s%n",
                        block.label(), block.value().length(), block.limit(), block.version(), block.value());
    }
}
