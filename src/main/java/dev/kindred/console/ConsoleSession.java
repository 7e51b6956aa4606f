package dev.kindred.console;

import dev.kindred.agent.AgentDirectory;
import dev.kindred.agent.AgentRuntime;
import dev.kindred.agent.AgentServices;
import dev.kindred.memory.Agent;
import dev.kindred.memory.UserInputException;
import java.io.PrintStream;

/** The terminal's state: which agent it talks to, and where it prints. */
public final class ConsoleSession {
    private final AgentRuntime runtime;
    private final AgentDirectory directory;
    private final PrintStream out;
    private final String agentId;

    public ConsoleSession(AgentRuntime runtime, AgentDirectory directory, PrintStream out, String agentId) {
        this.runtime = runtime;
        this.directory = directory;
        this.out = out;
        this.agentId = agentId;
    }

    public Agent agent() {
        return services().agents().get(agentId).orElseThrow(() -> new UserInputException("the agent was deleted"));
    }

    public AgentServices services() {
        return runtime.services();
    }

    public AgentRuntime runtime() {
        return runtime;
    }

    public AgentDirectory directory() {
        return directory;
    }

    public PrintStream out() {
        return out;
    }
}
