package dev.kindred.privacy;

/**
 * Told after each erasure step ({@code "blocks"}, {@code "messages"}, ...). Production passes
 * {@link #NONE}; a test throws from it to stand for a crash between two steps.
 */
@FunctionalInterface
public interface ErasureHook {
    ErasureHook NONE = step -> {};

    void stepDone(String step);
}
