package dev.kindred.agentfile;

import dev.kindred.agent.AgentServices;
import dev.kindred.config.AgentDefaults;
import dev.kindred.embed.Embedder;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Letta Agent File import and export. An import is parsed and checked whole before the first write
 * and undone if a write fails; archival passages are embedded again with {@code embedder} (Letta
 * files carry none, and a vector from another model would not match Kindred's).
 */
public final class AgentFileTransfer implements AgentTransfer {
    private final AgentServices services;
    private final ImportPlanner planner;
    private final ImportWriter writer;
    private final AgentFileExporter exporter;
    private final Clock clock = Clock.systemUTC();

    public AgentFileTransfer(AgentServices services, Embedder embedder, ModelCatalog models, AgentDefaults defaults) {
        this.services = services;
        this.planner = new ImportPlanner(models, defaults);
        this.writer = new ImportWriter(services, embedder);
        this.exporter = new AgentFileExporter(services, models, clock);
    }

    @Override
    public ImportReport importAgents(byte[] file, AgentScope scope, String ownerId) {
        Set<String> taken =
                services.agents().list(scope).stream().map(Agent::name).collect(Collectors.toSet());
        ImportPlan plan = planner.plan(
                AgentFileJson.read(file), new ImportPlanner.Target(scope, ownerId, taken, clock.instant()));
        return writer.write(plan, scope, ownerId);
    }

    @Override
    public byte[] exportAgent(String agentId) {
        return exporter.export(agentId);
    }
}
