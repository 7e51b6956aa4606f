package dev.kindred.agentfile;

import dev.kindred.memory.SleeptimeSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One agent to create, with the file ids of its blocks, its recall, window and archival passages. */
record AgentPlan(
        String fileId,
        Settings settings,
        List<String> blockFileIds,
        List<MessagePlan> messages,
        WindowPlan window,
        List<PassagePlan> passages) {
    AgentPlan {
        blockFileIds = List.copyOf(blockFileIds);
        messages = List.copyOf(messages);
        passages = List.copyOf(passages);
    }

    /** The agent record's own fields. */
    record Settings(
            String name,
            String model,
            @Nullable String fallbackModel,
            String instructions,
            String timezone,
            SleeptimeSettings sleeptime) {}

    /**
     * Where the context window starts: {@code startSeq} when the file says so exactly (a Kindred
     * export), else the seq that message number {@code startIndex} gets (the size means: after all).
     */
    record WindowPlan(int startIndex, @Nullable Long startSeq, String summary) {}
}
