package dev.kindred.memory.search;

import java.util.function.ObjLongConsumer;

/**
 * Where the vectors of recall messages are kept, so that an agent's recall index loads after a
 * restart without embedding its whole history again (MiniLM takes about 3 ms a message on 2 cores).
 */
public interface MessageVectors {
    void put(String agentId, long seq, float[] vector);

    /** Visits every stored vector of the agent with its message's sequence number. */
    void forEach(String agentId, ObjLongConsumer<float[]> visitor);

    void deleteAll(String agentId);
}
