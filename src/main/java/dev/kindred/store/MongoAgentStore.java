package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.AgentStore;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.MemoryConflictException;
import dev.kindred.memory.NewAgent;
import dev.kindred.memory.UserInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Agents in {@code agents}. A unique index on (scope, lower-cased name) keeps names unique per scope;
 * updates are compare-and-set on {@code version}. Reads by id go through a bounded cache that every
 * write invalidates after MongoDB has accepted it.
 */
public final class MongoAgentStore implements AgentStore {
    private static final int MAX_ATTEMPTS = 16;

    private final MongoCollection<Document> agents;
    private final MongoAgentRecords records;
    private final Clock clock;
    private final Cache<String, Agent> cache =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(10_000).build();

    MongoAgentStore(MongoDatabase database, Clock clock) {
        this.agents = database.getCollection(Schema.AGENTS);
        this.records = new MongoAgentRecords(database);
        this.clock = clock;
    }

    @Override
    public Agent create(NewAgent spec) {
        Agent agent = new Agent(
                Ids.newId(),
                spec.name(),
                spec.scope(),
                spec.ownerId(),
                spec.model(),
                spec.fallbackModel(),
                spec.instructions(),
                spec.timezone(),
                spec.sleeptime(),
                ContextWindow.empty(),
                Fields.now(clock),
                1);
        try {
            agents.insertOne(AgentDocuments.toDocument(agent));
        } catch (MongoException e) {
            throw DuplicateKey.is(e) ? nameTaken(agent.name()) : e;
        }
        return agent;
    }

    @Override
    public Optional<Agent> get(String agentId) {
        return Optional.ofNullable(cache.get(agentId, this::load));
    }

    @Override
    public Optional<Agent> findByName(AgentScope scope, String name) {
        Document document = agents.find(and(eq("scopeKey", scope.key()), eq("nameKey", AgentDocuments.nameKey(name))))
                .first();
        return Optional.ofNullable(document).map(AgentDocuments::fromDocument);
    }

    @Override
    public List<Agent> list(AgentScope scope) {
        return agents.find(eq("scopeKey", scope.key()))
                .sort(Sorts.ascending("nameKey"))
                .map(AgentDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    @Override
    public List<String> guildsWithAgents() {
        return agents.distinct("scope.id", eq("scope.kind", AgentScope.Kind.GUILD.name()), String.class)
                .into(new ArrayList<>());
    }

    @Override
    public Agent update(String agentId, UnaryOperator<Agent> change) {
        Agent current = require(agentId);
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            Agent next = AgentDocuments.nextVersion(current, change.apply(current));
            if (replace(current.version(), next)) {
                return next;
            }
            current = require(agentId);
        }
        throw new MemoryConflictException(
                "agent '" + current.name() + "'", current.version(), current.version(), "other writers");
    }

    /** The agent's state first, its record last: a deletion cut short leaves the agent to delete again. */
    @Override
    public void delete(String agentId) {
        records.deleteState(agentId);
        agents.deleteOne(eq("_id", agentId));
        cache.invalidate(agentId);
    }

    /** Compare-and-set: true when the stored version was still {@code expectedVersion}. */
    private boolean replace(long expectedVersion, Agent next) {
        try {
            UpdateResult result = agents.replaceOne(
                    and(eq("_id", next.id()), eq("version", expectedVersion)), AgentDocuments.toDocument(next));
            return result.getMatchedCount() == 1;
        } catch (MongoException e) {
            throw DuplicateKey.is(e) ? nameTaken(next.name()) : e;
        } finally {
            cache.invalidate(next.id());
        }
    }

    private Agent require(String agentId) {
        Agent agent = load(agentId);
        if (agent == null) {
            throw new UserInputException("there is no agent with id " + agentId);
        }
        return agent;
    }

    private @Nullable Agent load(String agentId) {
        Document document = agents.find(eq("_id", agentId)).first();
        return document == null ? null : AgentDocuments.fromDocument(document);
    }

    private static UserInputException nameTaken(String name) {
        return new UserInputException("there is already an agent named '" + name + "' here; pick another name");
    }
}
