package dev.kindred.store;

import dev.kindred.memory.Block;
import dev.kindred.memory.BlockVersion;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Maps blocks to {@code blocks} and their versions to {@code block_history}. A shared block stores
 * {@code memberId: ""} rather than leaving the field out, so the unique index on
 * (agentIds, memberId, label) treats all shared blocks of an agent alike without sparse or partial
 * index support.
 */
final class BlockDocuments {
    static final String SHARED = "";

    private BlockDocuments() {}

    static String memberKey(@Nullable String memberId) {
        return memberId == null ? SHARED : memberId;
    }

    static Document toDocument(Block block) {
        return new Document("_id", block.id())
                .append("label", block.label())
                .append("value", block.value())
                .append("limit", block.limit())
                .append("description", block.description())
                .append("readOnly", block.readOnly())
                .append("version", block.version())
                .append("agentIds", List.copyOf(new TreeSet<>(block.agentIds())))
                .append("memberId", memberKey(block.memberId()))
                .append("updatedBy", block.updatedBy())
                .append("updatedAt", Fields.date(block.updatedAt()));
    }

    static Block fromDocument(Document document) {
        String memberId = document.getString("memberId");
        return new Block(
                document.getString("_id"),
                document.getString("label"),
                document.getString("value"),
                Fields.intValue(document, "limit"),
                document.getString("description"),
                document.getBoolean("readOnly"),
                Fields.longValue(document, "version"),
                new HashSet<>(document.getList("agentIds", String.class)),
                SHARED.equals(memberId) ? null : memberId,
                document.getString("updatedBy"),
                Fields.instant(document, "updatedAt"));
    }

    static Document toHistory(Block block) {
        return new Document("_id", Ids.newId())
                .append("blockId", block.id())
                .append("label", block.label())
                .append("version", block.version())
                .append("value", block.value())
                .append("author", block.updatedBy())
                .append("createdAt", Fields.date(block.updatedAt()));
    }

    static BlockVersion fromHistory(Document document) {
        return new BlockVersion(
                document.getString("blockId"),
                document.getString("label"),
                Fields.longValue(document, "version"),
                document.getString("value"),
                document.getString("author"),
                Fields.instant(document, "createdAt"));
    }
}
