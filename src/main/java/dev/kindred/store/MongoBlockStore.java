package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockLimits;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.MemoryConflictException;
import dev.kindred.memory.NewBlock;
import dev.kindred.memory.UserInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * Blocks in {@code blocks}, versions in {@code block_history}. An edit is checked (read-only, limit)
 * before anything is written, then applied with compare-and-set on {@code version}; the database
 * decides the winner, never the cache. The unique index on (agentIds, memberId, label) keeps labels
 * unique per agent, on create and on attach alike.
 */
public final class MongoBlockStore implements BlockStore {
    private static final int MAX_ATTEMPTS = 8;
    private static final FindOneAndUpdateOptions AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> blocks;
    private final BlockHistoryLog history;
    private final BlockCache cache = new BlockCache();
    private final Clock clock;

    MongoBlockStore(MongoDatabase database, Clock clock) {
        this.blocks = database.getCollection(Schema.BLOCKS);
        this.history = new BlockHistoryLog(database);
        this.clock = clock;
    }

    @Override
    public Block create(NewBlock spec, String author) {
        Block block = new Block(
                Ids.newId(),
                spec.label(),
                spec.value(),
                spec.limit(),
                spec.description(),
                spec.readOnly(),
                1,
                Set.of(spec.agentId()),
                spec.memberId(),
                author,
                Fields.now(clock));
        try {
            blocks.insertOne(BlockDocuments.toDocument(block));
        } catch (MongoException e) {
            throw DuplicateKey.is(e) ? labelTaken(spec.label()) : e;
        } finally {
            cache.invalidate(block);
        }
        history.record(block);
        return block;
    }

    @Override
    public Optional<Block> get(String blockId) {
        return Optional.ofNullable(load(blockId));
    }

    @Override
    public List<Block> sharedBlocks(String agentId) {
        return owned(agentId, BlockDocuments.SHARED);
    }

    @Override
    public List<Block> memberBlocks(String agentId, Collection<String> memberIds) {
        List<Block> result = new ArrayList<>();
        for (String memberId : Set.copyOf(memberIds)) {
            result.addAll(owned(agentId, memberId));
        }
        return List.copyOf(result);
    }

    @Override
    public Optional<Block> find(String agentId, String label, @Nullable String memberId) {
        return owned(agentId, BlockDocuments.memberKey(memberId)).stream()
                .filter(block -> block.label().equals(label))
                .findFirst();
    }

    @Override
    public Block update(String blockId, long expectedVersion, String newValue, String author) {
        Block current = require(blockId);
        requireEditable(current, newValue);
        if (current.version() != expectedVersion) {
            throw conflict(current, expectedVersion);
        }
        Bson change = Updates.combine(
                Updates.set("value", newValue),
                Updates.set("updatedBy", author),
                Updates.set("updatedAt", Fields.date(Fields.now(clock))),
                Updates.inc("version", 1L));
        Document after = blocks.findOneAndUpdate(versionIs(blockId, expectedVersion), change, AFTER);
        if (after == null) {
            Block latest = require(blockId);
            cache.invalidate(latest);
            throw conflict(latest, expectedVersion);
        }
        Block updated = BlockDocuments.fromDocument(after);
        cache.invalidate(updated);
        history.record(updated);
        return updated;
    }

    @Override
    public Block revert(String blockId, long version, String author) {
        BlockVersion old = history.find(blockId, version)
                .orElseThrow(() -> new UserInputException("this block has no version " + version));
        for (int attempt = 1; ; attempt++) {
            Block current = require(blockId);
            try {
                return update(blockId, current.version(), old.value(), author);
            } catch (MemoryConflictException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public List<BlockVersion> history(String blockId) {
        return history.list(blockId);
    }

    @Override
    public Block attach(String blockId, String agentId) {
        Block block = require(blockId);
        if (block.agentIds().contains(agentId)) {
            return block;
        }
        Document after;
        try {
            after = blocks.findOneAndUpdate(eq("_id", blockId), Updates.addToSet("agentIds", agentId), AFTER);
        } catch (MongoException e) {
            throw DuplicateKey.is(e) ? labelTaken(block.label()) : e;
        } finally {
            cache.invalidate(agentId, BlockDocuments.memberKey(block.memberId()));
        }
        if (after == null) {
            throw notFound(blockId);
        }
        return BlockDocuments.fromDocument(after);
    }

    /**
     * Compare-and-set on the exact {@code agentIds} array read: the last agent's detach deletes the
     * block, any other pulls the agent. The array never becomes empty, which the embedded server's
     * multikey index cannot handle (such a document could no longer be deleted).
     */
    @Override
    public void detach(String blockId, String agentId) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Document current = blocks.find(eq("_id", blockId)).first();
            List<String> agentIds = current == null ? List.of() : current.getList("agentIds", String.class);
            if (!agentIds.contains(agentId)) {
                return;
            }
            Bson unchanged = and(eq("_id", blockId), eq("agentIds", agentIds));
            boolean done = agentIds.size() == 1
                    ? blocks.deleteOne(unchanged).getDeletedCount() == 1
                    : blocks.updateOne(unchanged, Updates.pull("agentIds", agentId))
                                    .getModifiedCount()
                            == 1;
            cache.invalidate(agentId, current.getString("memberId"));
            if (done) {
                return;
            }
        }
        throw new IllegalStateException("block " + blockId + " kept changing while detaching it from " + agentId);
    }

    @Override
    public void delete(String blockId) {
        Document removed = blocks.findOneAndDelete(eq("_id", blockId));
        if (removed != null) {
            cache.invalidate(BlockDocuments.fromDocument(removed));
        }
    }

    private List<Block> owned(String agentId, String memberKey) {
        return cache.get(
                agentId,
                memberKey,
                key -> blocks.find(and(eq("agentIds", key.agentId()), eq("memberId", key.memberKey())))
                        .sort(Sorts.ascending("label"))
                        .map(BlockDocuments::fromDocument)
                        .into(new ArrayList<>()));
    }

    private static void requireEditable(Block block, String newValue) {
        if (block.readOnly()) {
            throw new UserInputException("block '" + block.label() + "' is read-only");
        }
        BlockLimits.requireFits(block.label(), newValue, block.limit());
    }

    private static Bson versionIs(String blockId, long version) {
        return and(eq("_id", blockId), eq("version", version));
    }

    private Block require(String blockId) {
        Block block = load(blockId);
        if (block == null) {
            throw notFound(blockId);
        }
        return block;
    }

    private @Nullable Block load(String blockId) {
        Document document = blocks.find(eq("_id", blockId)).first();
        return document == null ? null : BlockDocuments.fromDocument(document);
    }

    private static MemoryConflictException conflict(Block current, long expectedVersion) {
        return new MemoryConflictException(
                "block '" + current.label() + "'", expectedVersion, current.version(), current.updatedBy());
    }

    private static UserInputException labelTaken(String label) {
        return new UserInputException(
                "this agent already has a block labelled '" + label + "'; pick another label or edit that block");
    }

    private static UserInputException notFound(String blockId) {
        return new UserInputException("there is no block with id " + blockId);
    }
}
