package dev.kindred.sleeptime;

import dev.kindred.agent.Transcript;
import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one user message a sleeptime run starts from: the blocks as they are now (the agent's shared
 * blocks, and in a server the own blocks of the members who speak in the transcript), then the
 * transcript of the job's range. Read once per run, so the run knows which block versions its model saw.
 */
record SleeptimePrompt(Agent agent, List<Block> blocks, Map<String, Speaker> speakers, List<Message> transcript) {
    static SleeptimePrompt read(Agent agent, BlockStore store, List<Message> transcript) {
        Map<String, Speaker> speakers = speakers(transcript);
        List<Block> shown = new ArrayList<>(store.sharedBlocks(agent.id()));
        if (agent.scope().kind() == AgentScope.Kind.GUILD) {
            shown.addAll(store.memberBlocks(agent.id(), speakers.keySet()));
        }
        return new SleeptimePrompt(agent, List.copyOf(shown), speakers, transcript);
    }

    /** The people who speak in the transcript, by id, in order of appearance. */
    static Map<String, Speaker> speakers(List<Message> transcript) {
        Map<String, Speaker> out = new LinkedHashMap<>();
        transcript.stream()
                .filter(m -> m.role() == Role.USER && !m.erased())
                .forEach(m -> out.putIfAbsent(m.speaker().id(), m.speaker()));
        return out;
    }

    String render(Instant now) {
        ZoneId zone = ZoneId.of(agent.timezone());
        StringBuilder out = new StringBuilder();
        out.append("Now: ")
                .append(now.atZone(zone).toLocalDateTime().withNano(0))
                .append(' ')
                .append(zone);
        out.append("\n\nMemory blocks:\n");
        for (Block block : blocks) {
            out.append("<block label=\"").append(block.label()).append('"');
            if (block.memberId() != null) {
                Speaker who = speakers.get(block.memberId());
                out.append(" member=\"").append(block.memberId()).append('"');
                out.append(" name=\"")
                        .append(who == null ? block.memberId() : who.name())
                        .append('"');
            }
            out.append(" chars=\"")
                    .append(block.value().length())
                    .append('/')
                    .append(block.limit())
                    .append('"');
            if (block.readOnly()) {
                out.append(" read_only=\"true\"");
            }
            out.append(">\n").append(block.value()).append("\n</block>\n");
        }
        out.append("\nConversation to review (not yet consolidated):\n");
        out.append(Transcript.render(transcript, zone));
        out.append("\nUpdate the memory blocks from this conversation, then call memory_finish_edits.");
        return out.toString();
    }
}
