package dev.kindred.console;

import dev.kindred.memory.Agent;
import dev.kindred.model.ModelRef;
import java.util.function.Consumer;

/** {@code /model [provider/model]}: shows or changes the agent's model. */
final class ModelCommand implements ConsoleCommand {
    private final Consumer<String> requireAvailable;

    /** @param requireAvailable throws a clear error when no configured provider serves the model */
    ModelCommand(Consumer<String> requireAvailable) {
        this.requireAvailable = requireAvailable;
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public String help() {
        return "/model [provider/model] show or change the model";
    }

    @Override
    public void run(ConsoleSession session, String arguments) {
        Agent agent = session.agent();
        if (arguments.isBlank()) {
            session.out().println("model: " + agent.model());
            return;
        }
        String model;
        try {
            model = ModelRef.parse(arguments.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new dev.kindred.memory.UserInputException(e.getMessage());
        }
        requireAvailable.accept(model);
        session.services().agents().update(agent.id(), a -> a.withModel(model, a.fallbackModel()));
        session.out().println("model set to " + model);
    }
}
