package dev.kindred.memory.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.ObjLongConsumer;

/**
 * Message vectors held in the process only: after a restart the recall index embeds the history
 * again. For tests and until a persistent implementation is wired.
 */
public final class InMemoryMessageVectors implements MessageVectors {
    private final Map<String, Map<Long, float[]>> vectors = new ConcurrentHashMap<>();

    @Override
    public void put(String agentId, long seq, float[] vector) {
        vectors.computeIfAbsent(agentId, id -> new ConcurrentSkipListMap<>()).put(seq, vector.clone());
    }

    @Override
    public void forEach(String agentId, ObjLongConsumer<float[]> visitor) {
        vectors.getOrDefault(agentId, Map.of()).forEach((seq, vector) -> visitor.accept(vector, seq));
    }

    @Override
    public void deleteAll(String agentId) {
        vectors.remove(agentId);
    }
}
