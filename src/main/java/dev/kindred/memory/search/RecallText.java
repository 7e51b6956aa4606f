package dev.kindred.memory.search;

import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.ToolInvocation;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What of a recall message is searchable, and as which text. */
final class RecallText {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy EEEE", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private RecallText() {}

    /** Said words and summaries are searched, and tool calls; tool results and system notes are not. */
    static boolean searchable(Message message) {
        return !message.erased()
                && (message.role() == Role.USER || message.role() == Role.ASSISTANT || message.role() == Role.SUMMARY)
                && !said(message).isBlank();
    }

    /**
     * The text that is embedded: who spoke, what was said, then the tool calls made. The name
     * matters: questions name people ("What did Caroline research?"), and on LoCoMo embedding
     * "Caroline: ..." rather than the bare words lifts vector-only evidence recall@10 from 0.32 to 0.45.
     */
    static String semantic(Message message) {
        return message.speaker().name() + ": " + said(message);
    }

    private static String said(Message message) {
        StringBuilder text = new StringBuilder(message.content());
        for (ToolInvocation call : message.toolCalls()) {
            text.append('\n').append(call.name()).append(' ').append(call.arguments());
        }
        return text.toString().strip();
    }

    /** The keyword text adds who said it and the day it was said ("8 May 2023 Monday"). */
    static String keywords(Message message) {
        return semantic(message) + "\n" + DAY.format(message.createdAt());
    }
}
