package dev.kindred.memory.search;

import dev.kindred.embed.MiniLmEmbedder;

/** One MiniLM model per test JVM (loading takes about two seconds); its native cache stays in target/. */
public final class SharedMiniLm {
    private SharedMiniLm() {}

    private static final class Holder {
        static final MiniLmEmbedder EMBEDDER = create();

        private static MiniLmEmbedder create() {
            if (System.getProperty("DJL_CACHE_DIR") == null) {
                System.setProperty("DJL_CACHE_DIR", "target/djl");
            }
            return new MiniLmEmbedder();
        }
    }

    public static MiniLmEmbedder get() {
        return Holder.EMBEDDER;
    }
}
