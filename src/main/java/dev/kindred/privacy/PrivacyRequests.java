package dev.kindred.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Forget requests, recorded before any erasure starts (state pending) and marked done at the end. A
 * done request keeps only its time and counts: nothing in it names the person any more.
 */
public interface PrivacyRequests {
    record Pending(String requestId, ForgetPlan plan) {}

    /** Records a pending request; returns its id. */
    String begin(ForgetPlan plan, Instant at);

    void finish(String requestId, ErasureCounts counts, Instant at);

    List<Pending> pending();
}
