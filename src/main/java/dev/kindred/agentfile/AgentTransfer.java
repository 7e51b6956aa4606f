package dev.kindred.agentfile;

import dev.kindred.memory.AgentScope;

/** Import of Letta Agent Files and export of Kindred agents, for the command line and Discord. */
public interface AgentTransfer {
    /**
     * Imports every agent in the file into {@code scope}; all or nothing.
     *
     * @throws dev.kindred.memory.UserInputException with a clear reason when the file is not usable
     */
    ImportReport importAgents(byte[] file, AgentScope scope, String ownerId);

    /** The agent as an Agent File (JSON, UTF-8). */
    byte[] exportAgent(String agentId);
}
