package dev.kindred.store;

import dev.kindred.memory.Message;
import dev.kindred.memory.Role;
import dev.kindred.memory.Speaker;
import dev.kindred.memory.ToolInvocation;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Maps messages to {@code messages}. {@code dedupKey} is always present: {@code src:<sourceId>} for a
 * message from Discord, {@code id:<id>} otherwise, so the unique index on (agentId, dedupKey) makes
 * appends idempotent without sparse or partial index support.
 */
final class MessageDocuments {
    private MessageDocuments() {}

    static String dedupKey(String id, @Nullable String sourceId) {
        return sourceId == null ? "id:" + id : sourceKey(sourceId);
    }

    static String sourceKey(String sourceId) {
        return "src:" + sourceId;
    }

    static Document toDocument(Message message) {
        return new Document("_id", message.id())
                .append("agentId", message.agentId())
                .append("seq", message.seq())
                .append("role", message.role().name())
                .append("content", message.content())
                .append(
                        "speaker",
                        new Document("id", message.speaker().id())
                                .append("name", message.speaker().name()))
                .append("channelId", message.channelId())
                .append(
                        "toolCalls",
                        message.toolCalls().stream()
                                .map(MessageDocuments::toDocument)
                                .toList())
                .append("toolCallId", message.toolCallId())
                .append("sourceId", message.sourceId())
                .append("dedupKey", dedupKey(message.id(), message.sourceId()))
                .append("createdAt", Fields.date(message.createdAt()))
                .append("erased", message.erased());
    }

    static Message fromDocument(Document document) {
        Document speaker = document.get("speaker", Document.class);
        List<ToolInvocation> toolCalls = document.getList("toolCalls", Document.class).stream()
                .map(MessageDocuments::toolCall)
                .toList();
        return new Message(
                document.getString("_id"),
                document.getString("agentId"),
                Fields.longValue(document, "seq"),
                Role.valueOf(document.getString("role")),
                document.getString("content"),
                new Speaker(speaker.getString("id"), speaker.getString("name")),
                document.getString("channelId"),
                toolCalls,
                document.getString("toolCallId"),
                document.getString("sourceId"),
                Fields.instant(document, "createdAt"),
                document.getBoolean("erased"));
    }

    private static Document toDocument(ToolInvocation call) {
        return new Document("id", call.id()).append("name", call.name()).append("arguments", call.arguments());
    }

    private static ToolInvocation toolCall(Document document) {
        return new ToolInvocation(
                document.getString("id"), document.getString("name"), document.getString("arguments"));
    }
}
