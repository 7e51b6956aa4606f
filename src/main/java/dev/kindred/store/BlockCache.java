package dev.kindred.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kindred.memory.Block;
import java.util.List;
import java.util.function.Function;

/**
 * The blocks of one agent, per owner: its shared blocks under {@link BlockDocuments#SHARED}, a member's
 * own blocks under the member id. Writers invalidate after MongoDB accepted the write; an invalidation
 * waits for a load in flight on the same key, so a stale load never outlives the write.
 */
final class BlockCache {
    record Key(String agentId, String memberKey) {}

    private final Cache<Key, List<Block>> cache =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(20_000).build();

    List<Block> get(String agentId, String memberKey, Function<Key, List<Block>> loader) {
        return cache.get(new Key(agentId, memberKey), loader);
    }

    void invalidate(Block block) {
        String memberKey = BlockDocuments.memberKey(block.memberId());
        block.agentIds().forEach(agentId -> invalidate(agentId, memberKey));
    }

    void invalidate(String agentId, String memberKey) {
        cache.invalidate(new Key(agentId, memberKey));
    }
}
