package dev.kindred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.kindred.memory.Authors;
import dev.kindred.memory.Block;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.BlockVersion;
import dev.kindred.memory.MemoryConflictException;
import dev.kindred.memory.NewBlock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Eight writers race compare-and-set edits on one block, each re-reading after a conflict. Every
 * edit appends a token, so a lost update would show as a missing token.
 */
class BlockConcurrencyTest extends EmbeddedStorageFixture {
    private static final int WRITERS = 8;
    private static final int EDITS_EACH = 4;

    /** The state a crash between an edit's two writes leaves: the block at version 2, history without it. */
    private Block versionTwoWithoutHistory() {
        Block block =
                storage().blocks().create(NewBlock.of(BlockStoreContract.freshAgent(), "notes", "one"), Authors.IMPORT);
        storage()
                .database()
                .getCollection(Schema.BLOCKS)
                .updateOne(
                        Filters.eq("_id", block.id()),
                        Updates.combine(
                                Updates.set("value", "two"),
                                Updates.set("version", 2L),
                                Updates.set("updatedBy", Authors.SLEEPTIME)));
        return block;
    }

    @Test
    void aVersionWhoseHistoryEntryACrashLostIsRecordedBeforeItIsOverwritten() {
        Block block = versionTwoWithoutHistory();
        BlockStore restarted = new MongoBlockStore(storage().database(), Clock.systemUTC());

        restarted.update(block.id(), 2, "three", Authors.user("7"));

        assertThat(restarted.history(block.id()))
                .extracting(BlockVersion::version, BlockVersion::value, BlockVersion::author)
                .containsExactly(
                        tuple(1L, "one", Authors.IMPORT),
                        tuple(2L, "two", Authors.SLEEPTIME),
                        tuple(3L, "three", Authors.user("7")));
    }

    @Test
    void aHistoryReadShowsTheCurrentVersionEvenWhenACrashLostItsEntry() {
        Block block = versionTwoWithoutHistory();

        assertThat(new MongoBlockStore(storage().database(), Clock.systemUTC()).history(block.id()))
                .extracting(BlockVersion::version, BlockVersion::value)
                .containsExactly(tuple(1L, "one"), tuple(2L, "two"));
    }

    @Test
    void anAgentTheBlockIsAttachedToWhileItIsEditedSeesTheEdit() {
        HookedDatabase hooked = new HookedDatabase(storage().database(), Schema.BLOCKS, "findOneAndUpdate");
        MongoBlockStore store = new MongoBlockStore(hooked.database(), Clock.systemUTC());
        String a = BlockStoreContract.freshAgent();
        String b = BlockStoreContract.freshAgent();
        Block block = store.create(NewBlock.of(a, "world", "v1"), Authors.IMPORT);
        hooked.before(() -> {
            store.attach(block.id(), b);
            store.sharedBlocks(b); // b's turn reads its blocks before the edit lands
        });

        store.update(block.id(), 1, "v2", Authors.user("7"));

        assertThat(hooked.fired()).isTrue();
        assertThat(store.sharedBlocks(b)).extracting(Block::value).containsExactly("v2");
    }

    @Test
    void racingEditsLoseNoUpdateAndEachVersionHasExactlyOneWinner() throws Exception {
        BlockStore blocks = storage().blocks();
        Block block = blocks.create(NewBlock.of(BlockStoreContract.freshAgent(), "notes", ""), Authors.IMPORT);

        List<Block> wins = race(blocks, block.id());

        List<BlockVersion> history = blocks.history(block.id());
        Block last = blocks.get(block.id()).orElseThrow();
        assertThat(wins)
                .as("exactly one winner per version")
                .extracting(Block::version)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 1 + WRITERS * EDITS_EACH)
                        .boxed()
                        .toList());
        assertThat(history)
                .extracting(BlockVersion::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + WRITERS * EDITS_EACH)
                        .boxed()
                        .toList());
        for (Block win : wins) {
            assertThat(history)
                    .contains(new BlockVersion(
                            win.id(), win.label(), win.version(), win.value(), win.updatedBy(), win.updatedAt()));
        }
        assertThat(last.version()).isEqualTo(1 + WRITERS * EDITS_EACH);
        assertThat(last.value()).isEqualTo(history.get(history.size() - 1).value());
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int edit = 0; edit < EDITS_EACH; edit++) {
                assertThat(last.value()).contains(token(writer, edit));
            }
        }
    }

    private List<Block> race(BlockStore blocks, String blockId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Block>>> futures = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int id = writer;
                Callable<List<Block>> task = () -> {
                    start.await();
                    return editRepeatedly(blocks, blockId, id);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Block> wins = new ArrayList<>();
            for (Future<List<Block>> future : futures) {
                wins.addAll(future.get());
            }
            return wins;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Block> editRepeatedly(BlockStore blocks, String blockId, int writer) {
        List<Block> wins = new ArrayList<>();
        for (int edit = 0; edit < EDITS_EACH; edit++) {
            while (true) {
                Block current = blocks.get(blockId).orElseThrow();
                try {
                    wins.add(blocks.update(
                            blockId,
                            current.version(),
                            current.value() + token(writer, edit),
                            Authors.user("w" + writer)));
                    break;
                } catch (MemoryConflictException lost) {
                    // another writer won this version: re-read and try again
                }
            }
        }
        return wins;
    }

    private static String token(int writer, int edit) {
        return "[w" + writer + "e" + edit + "]";
    }
}
