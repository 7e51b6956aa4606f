package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a block of the file into a {@link BlockPlan}. Letta stopped enforcing limits, so a value may
 * be longer than its limit: the limit is raised to fit (up to Kindred's maximum, beyond which the
 * value is cut), and every such change becomes a notice.
 */
final class BlockPlanner {
    /** Marks a block that belonged to a Letta sleeptime agent rather than to the primary. */
    static final String SLEEPTIME_SIDE = "[sleeptime side] ";

    private final int defaultLimit;
    private final List<String> notices;

    BlockPlanner(int defaultLimit, List<String> notices) {
        this.defaultLimit = defaultLimit;
        this.notices = notices;
    }

    BlockPlan plan(String fileId, JsonNode block, List<JsonNode> history) {
        String where = "block '" + fileId + "'";
        String label = Json.text(block, "label", where);
        String cleanLabel = BlockLabels.sanitize(label);
        if (!cleanLabel.equals(label)) {
            notices.add("Block '" + label + "' is called '" + cleanLabel
                    + "' (Kindred labels use letters, digits, '_', '-', '.').");
        }
        String value = fitValue(cleanLabel, Json.optText(block, "value", where, ""));
        int limit = fitLimit(cleanLabel, Json.optInt(block, "limit", where), value.length());
        return new BlockPlan(
                fileId,
                cleanLabel,
                value,
                limit,
                Json.optText(block, "description", where, ""),
                Json.optBool(block, "read_only", where, false),
                null,
                versions(history, value, limit, where));
    }

    /** The same block, marked as belonging to the sleeptime side. */
    static BlockPlan sleeptimeSide(BlockPlan block) {
        if (block.description().startsWith(SLEEPTIME_SIDE)) {
            return block;
        }
        String description = SLEEPTIME_SIDE + "Kept by the sleeptime agent for its own use (imported from Letta). "
                + block.description();
        return new BlockPlan(
                block.fileId(),
                block.label(),
                block.value(),
                block.limit(),
                description.strip(),
                block.readOnly(),
                block.memberId(),
                block.history());
    }

    private String fitValue(String label, String value) {
        if (value.length() <= Block.MAX_LIMIT) {
            return value;
        }
        notices.add("Block '" + label + "' held " + value.length() + " characters; it was cut to Kindred's maximum of "
                + Block.MAX_LIMIT + ".");
        return value.substring(0, Block.MAX_LIMIT);
    }

    private int fitLimit(String label, @Nullable Integer given, int length) {
        int fallback = Math.max(defaultLimit, length);
        if (given == null) {
            return fallback;
        }
        if (given > Block.MAX_LIMIT) {
            notices.add("Block '" + label + "' had a limit of " + given + "; Kindred's maximum of " + Block.MAX_LIMIT
                    + " applies.");
            return Block.MAX_LIMIT;
        }
        if (given < 1) {
            notices.add("Block '" + label + "' had a limit of " + given + "; it now has " + fallback + ".");
            return fallback;
        }
        if (length > given) {
            notices.add("Block '" + label + "' held " + length + " characters over its limit of " + given
                    + "; the limit was raised to " + length + " (Kindred enforces limits).");
            return length;
        }
        return given;
    }

    /** Kindred history to replay; only when it ends with the current value and every version fits. */
    private static List<BlockPlan.VersionPlan> versions(List<JsonNode> history, String value, int limit, String where) {
        List<BlockPlan.VersionPlan> versions = new ArrayList<>();
        for (JsonNode version : history) {
            String text = Json.text(version, "value", where + " history");
            versions.add(new BlockPlan.VersionPlan(
                    text, Json.optText(version, "author", where + " history", Authors.IMPORT)));
        }
        boolean usable = !versions.isEmpty()
                && versions.get(versions.size() - 1).value().equals(value)
                && versions.stream().allMatch(v -> v.value().length() <= limit);
        return usable ? versions : List.of();
    }
}
