package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.kindred.memory.Block;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Attaching blocks to agents and detaching them. Attach relies on the unique index on
 * (agentIds, memberId, label) to refuse a label the agent already has. Detach is compare-and-set on
 * the exact {@code agentIds} array read: the last agent's detach deletes the block, any other pulls
 * the agent. The array never becomes empty, which the embedded server's multikey index cannot handle
 * (such a document could no longer be deleted).
 */
final class BlockAttachments {
    private static final int MAX_ATTEMPTS = 8;
    private static final FindOneAndUpdateOptions AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> blocks;
    private final BlockCache cache;

    BlockAttachments(MongoCollection<Document> blocks, BlockCache cache) {
        this.blocks = blocks;
        this.cache = cache;
    }

    Block attach(Block block, String agentId) {
        if (block.agentIds().contains(agentId)) {
            return block;
        }
        Document after;
        try {
            after = blocks.findOneAndUpdate(eq("_id", block.id()), Updates.addToSet("agentIds", agentId), AFTER);
        } catch (MongoException e) {
            throw DuplicateKey.is(e) ? BlockErrors.labelTaken(block.label()) : e;
        } finally {
            cache.invalidate(agentId, BlockDocuments.memberKey(block.memberId()));
        }
        if (after == null) {
            throw BlockErrors.notFound(block.id());
        }
        return BlockDocuments.fromDocument(after);
    }

    void detach(String blockId, String agentId) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Document current = blocks.find(eq("_id", blockId)).first();
            if (current == null || !current.getList("agentIds", String.class).contains(agentId)) {
                return;
            }
            boolean done = detachIfUnchanged(current, agentId);
            cache.invalidate(agentId, current.getString("memberId"));
            if (done) {
                return;
            }
        }
        throw new IllegalStateException("block " + blockId + " kept changing while detaching it from " + agentId);
    }

    private boolean detachIfUnchanged(Document current, String agentId) {
        List<String> agentIds = current.getList("agentIds", String.class);
        Bson unchanged = and(eq("_id", current.getString("_id")), eq("agentIds", agentIds));
        return agentIds.size() == 1
                ? blocks.deleteOne(unchanged).getDeletedCount() == 1
                : blocks.updateOne(unchanged, Updates.pull("agentIds", agentId)).getModifiedCount() == 1;
    }
}
