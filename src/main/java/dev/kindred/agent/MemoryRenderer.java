package dev.kindred.agent;

import dev.kindred.memory.Block;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders core memory the way Letta does ({@code <memory_blocks>} with description, metadata and
 * value per block, then {@code <memory_metadata>}), so prompts written for Letta carry over.
 */
final class MemoryRenderer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    private MemoryRenderer() {}

    /** Counts of what is not in the window: recall messages and archival passages. */
    record Counts(long recallMessages, long archivalPassages) {}

    static String render(List<Block> blocks, Map<String, String> memberNames, Counts counts, Instant at, ZoneId zone) {
        StringBuilder out =
                new StringBuilder("<memory_blocks>\nThe following memory blocks are in your core memory:\n");
        for (Block block : blocks) {
            String tag = block.label();
            out.append('\n').append('<').append(tag);
            if (block.memberId() != null) {
                out.append(" member=\"")
                        .append(memberNames.getOrDefault(block.memberId(), "member"))
                        .append("\" member_id=\"")
                        .append(block.memberId())
                        .append('"');
            }
            out.append(">\n");
            if (!block.description().isBlank()) {
                out.append("<description>\n").append(block.description()).append("\n</description>\n");
            }
            out.append("<metadata>\n- chars_current=")
                    .append(block.value().length())
                    .append("\n- chars_limit=")
                    .append(block.limit());
            if (block.readOnly()) {
                out.append("\n- read_only=true");
            }
            out.append("\n</metadata>\n<value>\n")
                    .append(block.value())
                    .append("\n</value>\n</")
                    .append(tag)
                    .append(">\n");
        }
        out.append("</memory_blocks>\n\n<memory_metadata>\n- Memory as of ")
                .append(TIME.format(at.atZone(zone)))
                .append("\n- ")
                .append(counts.recallMessages())
                .append(" messages are kept in recall memory (search them with conversation_search)\n- ")
                .append(counts.archivalPassages())
                .append(
                        " passages are kept in archival memory (search them with archival_memory_search)\n</memory_metadata>");
        return out.toString();
    }
}
