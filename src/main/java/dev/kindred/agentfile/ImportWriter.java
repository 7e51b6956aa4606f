package dev.kindred.agentfile;

import dev.kindred.agent.AgentServices;
import dev.kindred.embed.Embedder;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.Message;
import dev.kindred.memory.NewAgent;
import dev.kindred.memory.Passage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a checked {@link ImportPlan}. MongoDB here has no multi-document transactions, so every
 * write is remembered and, when one fails part-way, what was written is deleted before the failure
 * is rethrown. Embeddings are computed before the first write, so the model cannot fail half-way.
 */
final class ImportWriter {
    private final AgentServices services;
    private final Embedder embedder;

    ImportWriter(AgentServices services, Embedder embedder) {
        this.services = services;
        this.embedder = embedder;
    }

    ImportReport write(ImportPlan plan, AgentScope scope, String ownerId) {
        Map<String, List<float[]>> embeddings = embedPassages(plan);
        Written written = new Written(services);
        try {
            List<Agent> agents = new ArrayList<>();
            for (AgentPlan agent : plan.agents()) {
                agents.add(createAgent(agent, scope, ownerId, written));
            }
            Counts counts = fill(plan, agents, embeddings, written);
            services.checkpoint().commit();
            return new ImportReport(
                    agents.stream().map(Agent::id).toList(),
                    agents.stream().map(Agent::name).toList(),
                    counts.blocks(),
                    counts.messages(),
                    counts.passages(),
                    plan.notices());
        } catch (RuntimeException e) {
            written.undo(e);
            throw e;
        }
    }

    private record Counts(int blocks, int messages, int passages) {}

    /** Blocks, recall and passages of every created agent; returns the counts of the three. */
    private Counts fill(ImportPlan plan, List<Agent> agents, Map<String, List<float[]>> embeddings, Written written) {
        Map<String, BlockPlan> blocks = new HashMap<>();
        plan.blocks().forEach(block -> blocks.put(block.fileId(), block));
        Map<String, String> blockIds = new HashMap<>();
        int messages = 0;
        int passages = 0;
        for (int i = 0; i < agents.size(); i++) {
            AgentPlan agentPlan = plan.agents().get(i);
            String agentId = agents.get(i).id();
            for (String fileId : agentPlan.blockFileIds()) {
                attachOrCreate(blocks.get(fileId), agentId, blockIds, written);
            }
            messages += writeRecall(agentPlan, agentId);
            passages += writePassages(agentPlan, agentId, embeddings.get(agentPlan.fileId()));
        }
        return new Counts(blockIds.size(), messages, passages);
    }

    private Map<String, List<float[]>> embedPassages(ImportPlan plan) {
        Map<String, List<float[]>> embeddings = new HashMap<>();
        for (AgentPlan agent : plan.agents()) {
            List<String> texts =
                    agent.passages().stream().map(PassagePlan::text).toList();
            // MiniLmEmbedder.embedAll refuses an empty list
            embeddings.put(agent.fileId(), texts.isEmpty() ? List.of() : embedder.embedAll(texts));
        }
        return embeddings;
    }

    private Agent createAgent(AgentPlan plan, AgentScope scope, String ownerId, Written written) {
        AgentPlan.Settings s = plan.settings();
        Agent agent = services.agents()
                .create(new NewAgent(
                        s.name(),
                        scope,
                        ownerId,
                        s.model(),
                        s.fallbackModel(),
                        s.instructions(),
                        s.timezone(),
                        s.sleeptime()));
        written.agent(agent.id());
        return agent;
    }

    private void attachOrCreate(BlockPlan plan, String agentId, Map<String, String> blockIds, Written written) {
        String existing = blockIds.get(plan.fileId());
        if (existing != null) {
            services.blocks().attach(existing, agentId);
            return;
        }
        Block block = BlockHistoryReplay.create(services.blocks(), plan, agentId);
        written.block(block.id());
        blockIds.put(plan.fileId(), block.id());
    }

    private int writeRecall(AgentPlan plan, String agentId) {
        List<Long> seqs = new ArrayList<>();
        for (MessagePlan message : plan.messages()) {
            Message stored = services.messages().append(message.toNewMessage(agentId));
            seqs.add(stored.seq());
            if (message.erased()) {
                services.messages().erase(agentId, stored.seq());
            }
        }
        ContextWindow window =
                new ContextWindow(startSeq(plan.window(), seqs), plan.window().summary());
        services.agents().update(agentId, agent -> agent.withWindow(window));
        services.recall().evict(agentId);
        return seqs.size();
    }

    private static long startSeq(AgentPlan.WindowPlan window, List<Long> seqs) {
        if (window.startSeq() != null) {
            return window.startSeq();
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        int index = window.startIndex();
        return index < seqs.size() ? seqs.get(index) : seqs.get(seqs.size() - 1) + 1;
    }

    private int writePassages(AgentPlan plan, String agentId, List<float[]> embeddings) {
        for (int i = 0; i < plan.passages().size(); i++) {
            PassagePlan passage = plan.passages().get(i);
            services.passages()
                    .insert(new Passage(
                            UUID.randomUUID().toString(),
                            agentId,
                            passage.text(),
                            passage.tags(),
                            embeddings.get(i),
                            passage.createdAt(),
                            passage.source(),
                            null));
        }
        services.archival().evict(agentId);
        return plan.passages().size();
    }

    /** What this import wrote so far, to delete again when a later write fails. */
    private static final class Written {
        private final AgentServices services;
        private final List<String> agents = new ArrayList<>();
        private final List<String> blocks = new ArrayList<>();

        Written(AgentServices services) {
            this.services = services;
        }

        void agent(String id) {
            agents.add(id);
        }

        void block(String id) {
            blocks.add(id);
        }

        void undo(RuntimeException failure) {
            for (String agentId : agents) {
                quietly(failure, () -> services.messages().deleteAll(agentId));
                quietly(failure, () -> services.passages().deleteAll(agentId));
                quietly(failure, () -> services.recall().evict(agentId));
                quietly(failure, () -> services.archival().evict(agentId));
            }
            blocks.forEach(id -> quietly(failure, () -> services.blocks().delete(id)));
            agents.forEach(id -> quietly(failure, () -> services.agents().delete(id)));
            quietly(failure, () -> services.checkpoint().commit());
        }

        private static void quietly(RuntimeException failure, Runnable step) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
