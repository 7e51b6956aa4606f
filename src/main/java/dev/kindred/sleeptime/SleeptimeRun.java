package dev.kindred.sleeptime;

import dev.kindred.agent.AgentServices;
import dev.kindred.agent.BlockEditor;
import dev.kindred.agent.tools.MemoryFinishEditsTool;
import dev.kindred.agent.tools.ToolSet;
import dev.kindred.memory.Agent;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.model.ChatMessage;
import dev.kindred.model.ChatModel;
import dev.kindred.model.ChatRequest;
import dev.kindred.model.ChatResponse;
import dev.kindred.model.ContentPart;
import dev.kindred.model.SystemPart;
import dev.kindred.model.ToolCall;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One sleeptime run over a claimed job: the prompt, then a tool loop of at most {@link #MAX_STEPS}
 * model calls that ends on {@code memory_finish_edits} or plain text. Each model answer is logged in
 * the job before its calls run, so a run resumed after a crash or a failed attempt replays its log
 * (without asking the model again) and runs only the calls not yet applied.
 */
public final class SleeptimeRun {
    static final int MAX_STEPS = 8;
    private static final int MAX_TOKENS = 2048;

    private final AgentServices services;
    private final ChatModel model;
    private final SleeptimeJobStore jobs;
    private final BlockEditor editor;
    private final Clock clock;

    public SleeptimeRun(
            AgentServices services, ChatModel model, SleeptimeJobStore jobs, BlockEditor editor, Clock clock) {
        this.services = services;
        this.model = model;
        this.jobs = jobs;
        this.editor = editor;
        this.clock = clock;
    }

    /** Thrown when the runner is shutting down between two steps; the job is given back unfinished. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the sleeptime runner is shutting down");
        }
    }

    /** Runs the job to its end and marks it done; exceptions leave it to the runner to retry. */
    public void run(SleeptimeJob job, String owner, Duration lease, BooleanSupplier stopping) {
        Optional<Agent> agent = services.agents().get(job.agentId());
        List<Message> transcript = agent.isEmpty() ? List.of() : transcript(job);
        if (transcript.stream().noneMatch(m -> m.role() == Role.USER && !m.erased())) {
            jobs.finish(job, owner, clock.instant());
            return;
        }
        ToolSet tools = ToolSet.sleeptime(editor, services.archival());
        SleeptimePrompt prompt = SleeptimePrompt.read(agent.get(), services.blocks(), transcript);
        SleeptimeCalls calls = new SleeptimeCalls(services, editor, tools, jobs, job, owner, prompt, clock);
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(ChatMessage.user(prompt.render(clock.instant())));
        for (int i = 0; i < job.steps().size(); i++) {
            if (runStep(i, job.steps().get(i), calls, conversation)) {
                jobs.finish(job, owner, clock.instant());
                return;
            }
        }
        for (int n = job.steps().size(); n < MAX_STEPS; n++) {
            if (stopping.getAsBoolean()) {
                throw new Stopped();
            }
            if (!jobs.renew(job, owner, clock.instant().plus(lease))) {
                throw new LeaseLostException(job.id());
            }
            String modelRef = Optional.ofNullable(agent.get().sleeptime().model())
                    .orElse(agent.get().model());
            ChatResponse response = model.chat(new ChatRequest(
                    modelRef,
                    List.of(new SystemPart(SleeptimeInstructions.TEXT, true)),
                    tools.definitions(),
                    conversation,
                    MAX_TOKENS));
            services.usage().record(job.agentId(), response.model(), response.usage());
            if (!response.hasToolCalls()) {
                break;
            }
            SleeptimeJob.Step step = new SleeptimeJob.Step(response.text(), response.toolCalls());
            jobs.logStep(job, owner, step);
            if (runStep(n, step, calls, conversation)) {
                break;
            }
        }
        jobs.finish(job, owner, clock.instant());
    }

    private List<Message> transcript(SleeptimeJob job) {
        return services.messages().range(job.agentId(), job.fromSeq(), job.toSeq()).stream()
                .filter(m -> m.channelId().equals(job.channelId()))
                .toList();
    }

    /** Adds the step and its results to the conversation; true when it finished the edits. */
    private static boolean runStep(
            int index, SleeptimeJob.Step step, SleeptimeCalls calls, List<ChatMessage> conversation) {
        List<ContentPart> asked = new ArrayList<>();
        if (!step.text().isBlank()) {
            asked.add(new ContentPart.Text(step.text()));
        }
        List<ContentPart> results = new ArrayList<>();
        boolean finished = false;
        for (ToolCall call : step.calls()) {
            asked.add(new ContentPart.ToolUse(call));
            SleeptimeJob.Applied applied = calls.applyOnce(index, call);
            results.add(new ContentPart.ToolResult(
                    call.id(), call.name(), applied.result(), applied.result().contains("\"Failed\"")));
            finished |= MemoryFinishEditsTool.NAME.equals(call.name());
        }
        conversation.add(new ChatMessage(ChatMessage.Role.ASSISTANT, asked, false));
        conversation.add(new ChatMessage(ChatMessage.Role.TOOL, results, false));
        return finished;
    }
}
