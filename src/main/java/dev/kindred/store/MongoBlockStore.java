package dev.kindred.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
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
 * unique per agent, on create and on attach alike (see {@link BlockAttachments}).
 */
public final class MongoBlockStore implements BlockStore {
    private static final int MAX_REVERT_ATTEMPTS = 8;

    private final MongoCollection<Document> blocks;
    private final BlockHistoryLog history;
    private final BlockCache cache = new BlockCache();
    private final BlockAttachments attachments;
    private final Clock clock;

    MongoBlockStore(MongoDatabase database, Clock clock) {
        this.blocks = database.getCollection(Schema.BLOCKS);
        this.history = new BlockHistoryLog(database);
        this.attachments = new BlockAttachments(blocks, cache);
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
            throw DuplicateKey.is(e) ? BlockErrors.labelTaken(spec.label()) : e;
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

    /**
     * The block and its history are two writes. A crash between them leaves the new version in the
     * block alone; so before a version is overwritten it is recorded in history (a no-op when it is
     * there already), and a history read records the current version too.
     */
    @Override
    public Block update(String blockId, long expectedVersion, String newValue, String author) {
        Block current = require(blockId);
        requireEditable(current, newValue);
        history.record(current);
        Block next = nextVersion(current, newValue, author);
        Optional<List<String>> attached =
                current.version() == expectedVersion ? compareAndSet(expectedVersion, next) : Optional.empty();
        if (attached.isEmpty()) {
            Block latest = current.version() == expectedVersion ? require(blockId) : current;
            cache.invalidate(latest);
            throw BlockErrors.conflict(latest, expectedVersion);
        }
        cache.invalidate(next);
        attached.get().forEach(agentId -> cache.invalidate(agentId, BlockDocuments.memberKey(next.memberId())));
        history.record(next);
        return next;
    }

    /**
     * Writes only if the stored version is still the one {@code next} follows, and returns the agents
     * the block is attached to once written (empty when another writer got there first): an agent
     * attached while this edit was under way may have cached the old value. The new block itself is
     * built here, not read back: the embedded server's findAndModify may return a later writer's document.
     */
    private Optional<List<String>> compareAndSet(long expectedVersion, Block next) {
        Bson change = Updates.combine(
                Updates.set("value", next.value()),
                Updates.set("updatedBy", next.updatedBy()),
                Updates.set("updatedAt", Fields.date(next.updatedAt())),
                Updates.set("version", next.version()));
        Document written = blocks.findOneAndUpdate(
                versionIs(next.id(), expectedVersion),
                change,
                new FindOneAndUpdateOptions()
                        .projection(Projections.include("agentIds"))
                        .returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(written).map(d -> d.getList("agentIds", String.class));
    }

    private Block nextVersion(Block current, String newValue, String author) {
        return new Block(
                current.id(),
                current.label(),
                newValue,
                current.limit(),
                current.description(),
                current.readOnly(),
                current.version() + 1,
                current.agentIds(),
                current.memberId(),
                author,
                Fields.now(clock));
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
                if (attempt == MAX_REVERT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public List<BlockVersion> history(String blockId) {
        Block current = load(blockId);
        if (current != null) {
            history.record(current);
        }
        return history.list(blockId);
    }

    @Override
    public Block attach(String blockId, String agentId) {
        return attachments.attach(require(blockId), agentId);
    }

    @Override
    public void detach(String blockId, String agentId) {
        attachments.detach(blockId, agentId);
    }

    @Override
    public void delete(String blockId) {
        Document removed = blocks.findOneAndDelete(eq("_id", blockId));
        if (removed != null) {
            cache.invalidate(BlockDocuments.fromDocument(removed));
        }
    }

    @Override
    public List<Block> allBlocks(String agentId) {
        return query(eq("agentIds", agentId));
    }

    @Override
    public List<Block> blocksOfMember(String memberId) {
        return query(eq("memberId", memberId));
    }

    /** History first: a crash in between leaves the block, so running the erasure again finds it. */
    @Override
    public long purge(String blockId) {
        long versions = history.deleteAll(blockId);
        delete(blockId);
        return versions;
    }

    @Override
    public long purgeLeftoverHistory(String agentOrMemberId) {
        long deleted = 0;
        for (String blockId : history.blockIdsOf(agentOrMemberId)) {
            if (load(blockId) == null) {
                deleted += history.deleteAll(blockId);
            }
        }
        return deleted;
    }

    private List<Block> query(Bson filter) {
        return blocks.find(filter)
                .sort(Sorts.ascending("label", "_id"))
                .map(BlockDocuments::fromDocument)
                .into(new ArrayList<>());
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
            throw BlockErrors.notFound(blockId);
        }
        return block;
    }

    private @Nullable Block load(String blockId) {
        Document document = blocks.find(eq("_id", blockId)).first();
        return document == null ? null : BlockDocuments.fromDocument(document);
    }
}
