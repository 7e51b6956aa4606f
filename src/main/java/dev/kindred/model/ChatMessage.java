package dev.kindred.model;

import java.util.List;

/** One message of the conversation sent to a model. */
public record ChatMessage(Role role, List<ContentPart> parts, boolean cacheBreakpoint) {
    public enum Role {
        USER,
        ASSISTANT,
        TOOL
    }

    public ChatMessage {
        parts = List.copyOf(parts);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, List.of(new ContentPart.Text(text)), false);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Text(text)), false);
    }

    public ChatMessage withCacheBreakpoint(boolean flag) {
        return new ChatMessage(role, parts, flag);
    }

    /** The concatenated text parts. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (ContentPart part : parts) {
            if (part instanceof ContentPart.Text t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }
}
