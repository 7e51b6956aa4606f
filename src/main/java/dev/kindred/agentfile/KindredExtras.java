package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.SleeptimeSettings;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a Kindred export keeps under the agent's {@code metadata.kindred}, where Letta ignores it:
 * the exact settings, each message's Kindred role and speaker, block history, member blocks,
 * archival passages and the window. Absent for files from Letta.
 */
final class KindredExtras {
    static final String KEY = "kindred";
    private static final String WHERE = "metadata.kindred";
    private final JsonNode node;

    private KindredExtras(JsonNode node) {
        this.node = node;
    }

    static Optional<KindredExtras> of(JsonNode agent, String where) {
        JsonNode metadata = Json.optObject(agent, "metadata", where);
        JsonNode kindred = metadata == null ? null : Json.optObject(metadata, KEY, where + ".metadata");
        return Optional.ofNullable(kindred).map(KindredExtras::new);
    }

    @Nullable
    String model() {
        return Json.optText(node, "model", WHERE);
    }

    @Nullable
    String fallbackModel() {
        return Json.optText(node, "fallback_model", WHERE);
    }

    @Nullable
    String instructions() {
        return Json.optText(node, "instructions", WHERE);
    }

    @Nullable
    String timezone() {
        return Json.optText(node, "timezone", WHERE);
    }

    Optional<SleeptimeSettings> sleeptime() {
        JsonNode sleeptime = Json.optObject(node, "sleeptime", WHERE);
        if (sleeptime == null) {
            return Optional.empty();
        }
        String where = WHERE + ".sleeptime";
        Integer frequency = Json.optInt(sleeptime, "frequency", where);
        return Optional.of(new SleeptimeSettings(
                Json.optBool(sleeptime, "enabled", where, false),
                frequency == null ? SleeptimeSettings.DEFAULT_FREQUENCY : frequency,
                Json.optText(sleeptime, "model", where)));
    }

    @Nullable
    Long windowStartSeq() {
        JsonNode window = Json.optObject(node, "window", WHERE);
        return window == null ? null : Json.optLong(window, "start_seq", WHERE + ".window");
    }

    String windowSummary() {
        JsonNode window = Json.optObject(node, "window", WHERE);
        return window == null ? "" : Json.optText(window, "summary", WHERE + ".window", "");
    }

    /** The Kindred side of the message with this file id, if the export recorded one. */
    @Nullable
    JsonNode message(String messageId) {
        JsonNode messages = Json.optObject(node, "messages", WHERE);
        return messages == null ? null : Json.optObject(messages, messageId, WHERE + ".messages");
    }

    /** Earlier versions of the block with this file id, oldest first. */
    List<JsonNode> blockHistory(String blockId) {
        JsonNode history = Json.optObject(node, "block_history", WHERE);
        return history == null ? List.of() : Json.objects(history, blockId, WHERE + ".block_history");
    }

    List<JsonNode> memberBlocks() {
        return Json.objects(node, "member_blocks", WHERE);
    }

    List<JsonNode> passages() {
        return Json.objects(node, "passages", WHERE);
    }
}
