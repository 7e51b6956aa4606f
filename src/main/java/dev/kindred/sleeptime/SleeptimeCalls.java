package dev.kindred.sleeptime;

import dev.kindred.agent.AgentServices;
import dev.kindred.agent.BlockEditor;
import dev.kindred.agent.BlockReads;
import dev.kindred.agent.tools.MemoryFinishEditsTool;
import dev.kindred.agent.tools.ToolArgs;
import dev.kindred.agent.tools.ToolContext;
import dev.kindred.agent.tools.ToolResult;
import dev.kindred.agent.tools.ToolSet;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.UserInputException;
import dev.kindred.model.ToolCall;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the tool calls of one job at most once each. Before a call that changes memory, an intent
 * (the block and its version as read, or the archival text) is written to the job; after it, the
 * result. A call found with an intent but no result is one the crashed run may or may not have
 * applied: it counts as applied when the block gained a {@code sleeptime} version after the one
 * read that holds the text the call writes (the sleeptime run of another agent sharing the block
 * may have edited it meanwhile), or when the archival passage exists.
 */
final class SleeptimeCalls {
    private static final String ARCHIVAL_INSERT = "archival_memory_insert";
    private static final int PASSAGES_CHECKED = 50;

    private final AgentServices services;
    private final BlockEditor editor;
    private final ToolSet tools;
    private final SleeptimeJobStore jobs;
    private final SleeptimeJob job;
    private final String owner;
    private final Agent agent;
    private final Map<String, Speaker> speakers;
    private final BlockReads reads;
    private final Speaker lastSpeaker;
    private final Clock clock;
    private final Map<String, SleeptimeJob.Intent> intents = new HashMap<>();
    private final Map<String, SleeptimeJob.Applied> applied = new HashMap<>();

    SleeptimeCalls(
            AgentServices services,
            BlockEditor editor,
            ToolSet tools,
            SleeptimeJobStore jobs,
            SleeptimeJob job,
            String owner,
            SleeptimePrompt prompt,
            Clock clock) {
        this.services = services;
        this.editor = editor;
        this.tools = tools;
        this.jobs = jobs;
        this.job = job;
        this.owner = owner;
        this.agent = prompt.agent();
        this.speakers = prompt.speakers();
        this.reads = BlockReads.of(prompt.blocks());
        List<Speaker> all = List.copyOf(speakers.values());
        this.lastSpeaker = all.isEmpty() ? Speaker.AGENT : all.get(all.size() - 1);
        this.clock = clock;
        job.intents().forEach(i -> intents.put(i.callId(), i));
        job.applied().forEach(a -> applied.put(a.callId(), a));
    }

    /** The call's result: run now, or as recorded when an earlier attempt already ran it. */
    SleeptimeJob.Applied applyOnce(int step, ToolCall call) {
        String key = step + ":" + call.id();
        SleeptimeJob.Applied done = applied.get(key);
        if (done != null) {
            return done;
        }
        Speaker speaker = speakerFor(call);
        String label = argument(call, "label").orElse(ARCHIVAL_INSERT.equals(call.name()) ? "archival" : "");
        SleeptimeJob.Intent intent = intents.get(key);
        if (intent != null && landed(intent, call, speaker, label)) {
            return record(new SleeptimeJob.Applied(
                    key,
                    ToolResult.ok("Already applied before the run was interrupted.")
                            .toJson(),
                    label,
                    0));
        }
        Optional<Block> before = label.isEmpty() ? Optional.empty() : resolve(speaker, label);
        if (!MemoryFinishEditsTool.NAME.equals(call.name())) {
            SleeptimeJob.Intent next = new SleeptimeJob.Intent(
                    key,
                    before.map(Block::id).orElse(null),
                    before.map(Block::version).orElse(0L),
                    written(call),
                    clock.instant());
            jobs.logIntent(job, owner, next);
            intents.put(key, next);
        }
        ToolResult result = tools.call(
                call.name(),
                call.arguments(),
                new ToolContext(agent, speaker, Authors.SLEEPTIME, clock.instant(), reads, job.channelId()));
        int delta = result.failed() ? 0 : delta(before, speaker, label, call);
        return record(new SleeptimeJob.Applied(key, result.toJson(), label, delta));
    }

    private SleeptimeJob.Applied record(SleeptimeJob.Applied done) {
        jobs.logApplied(job, owner, done);
        applied.put(done.callId(), done);
        return done;
    }

    private boolean landed(SleeptimeJob.Intent intent, ToolCall call, Speaker speaker, String label) {
        if (ARCHIVAL_INSERT.equals(call.name())) {
            return services.passages().list(agent.id(), 0, PASSAGES_CHECKED).stream()
                    .anyMatch(p -> p.text().equals(intent.text()) && Authors.SLEEPTIME.equals(p.source()));
        }
        if (intent.blockId() == null) {
            return !label.isEmpty() && resolve(speaker, label).isPresent();
        }
        return services.blocks().history(intent.blockId()).stream()
                .anyMatch(v -> v.version() > intent.version()
                        && Authors.SLEEPTIME.equals(v.author())
                        && v.value().contains(intent.text()));
    }

    private int delta(Optional<Block> before, Speaker speaker, String label, ToolCall call) {
        if (ARCHIVAL_INSERT.equals(call.name())) {
            return argument(call, "content").map(String::length).orElse(0);
        }
        int old = before.map(b -> b.value().length()).orElse(0);
        return resolve(speaker, label).map(b -> b.value().length() - old).orElse(0);
    }

    private Optional<Block> resolve(Speaker speaker, String label) {
        try {
            return editor.resolve(agent, speaker, label);
        } catch (UserInputException e) {
            return Optional.empty();
        }
    }

    /**
     * The text a call puts into memory (an archival passage, or what an edit writes into a block), by
     * which a resumed run recognises the call's own version among other sleeptime edits of a block
     * that several agents share.
     */
    private static String written(ToolCall call) {
        return ToolArgs.writtenText(call.arguments()).orElse("");
    }

    /** {@code "member": "<id>"} picks whose own {@code human} block a call means; else the last speaker's. */
    private Speaker speakerFor(ToolCall call) {
        Optional<String> member = argument(call, "member");
        return member.map(id -> speakers.getOrDefault(id, new Speaker(id, id))).orElse(lastSpeaker);
    }

    private static Optional<String> argument(ToolCall call, String name) {
        try {
            return ToolArgs.parse(call.arguments()).optionalString(name);
        } catch (UserInputException e) {
            return Optional.empty();
        }
    }
}
