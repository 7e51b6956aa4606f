package dev.kindred.agent;

import dev.kindred.memory.Message;
import dev.kindred.memory.ToolInvocation;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders recall messages as plain lines with speaker names and times, for the summariser and the
 * sleeptime agent ("[2026-11-25 18:30] Alice: ...", tool calls as "assistant called X(...)").
 */
public final class Transcript {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int MAX_TOOL_TEXT = 300;

    private Transcript() {}

    public static String render(List<Message> messages, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        for (Message m : messages) {
            if (m.erased()) {
                continue;
            }
            String time = "[" + TIME.format(m.createdAt().atZone(zone)) + "] ";
            switch (m.role()) {
                case USER ->
                    out.append(time).append(m.speaker().name()).append(": ").append(m.content());
                case ASSISTANT -> appendAssistant(out, time, m);
                case TOOL ->
                    out.append(time)
                            .append("tool ")
                            .append(m.speaker().name())
                            .append(" returned: ")
                            .append(abbreviate(m.content()));
                case SUMMARY ->
                    out.append(time)
                            .append("(summary of earlier conversation) ")
                            .append(m.content());
                case SYSTEM -> out.append(time).append("(note) ").append(m.content());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendAssistant(StringBuilder out, String time, Message m) {
        if (!m.content().isBlank()) {
            out.append(time).append("assistant: ").append(m.content());
        }
        for (ToolInvocation call : m.toolCalls()) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(time).append("assistant called ").append(call.name()).append(abbreviate(call.arguments()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_TOOL_TEXT ? text : text.substring(0, MAX_TOOL_TEXT) + "...";
    }
}
