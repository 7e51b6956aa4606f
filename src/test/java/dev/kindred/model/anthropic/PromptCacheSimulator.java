package dev.kindred.model.anthropic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's prompt cache as documented: a request's prefix (tools, system, messages) is written
 * at each cache breakpoint; a later request reads the longest previously written prefix found at a
 * block boundary up to {@link #LOOKBACK} blocks before one of its breakpoints. Tokens after the read
 * prefix are cache writes up to the last breakpoint and plain input beyond. Entries live five
 * minutes from their last use. Prefixes shorter than the model's minimum are not cached.
 */
final class PromptCacheSimulator {
    static final Duration TTL = Duration.ofMinutes(5);
    static final int LOOKBACK = 20;

    /** One content block in canonical form (without cache_control), and whether it is a breakpoint. */
    record Block(String canonical, boolean breakpoint) {}

    /** How the request's input tokens are billed. */
    record Billing(long cacheRead, long cacheWrite, long input) {}

    private final Clock clock;
    private final int minCacheableTokens;
    private final Map<String, Instant> expiries = new HashMap<>();

    PromptCacheSimulator(Clock clock, int minCacheableTokens) {
        this.clock = clock;
        this.minCacheableTokens = minCacheableTokens;
    }

    /** A simple deterministic estimate: one token per four characters, rounded up. */
    static long tokens(String text) {
        return (text.length() + 3) / 4;
    }

    synchronized Billing bill(String model, List<Block> blocks) {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !expiry.isAfter(now));
        String[] hashes = prefixHashes(model, blocks);
        long[] cumulative = cumulativeTokens(blocks);
        int read = -1;
        int lastWrite = -1;
        for (int b = 0; b < blocks.size(); b++) {
            if (!blocks.get(b).breakpoint()) {
                continue;
            }
            for (int j = b; j >= Math.max(0, b - LOOKBACK); j--) {
                if (expiries.containsKey(hashes[j])) {
                    read = Math.max(read, j);
                    break;
                }
            }
            if (cumulative[b] >= minCacheableTokens) {
                lastWrite = b;
            }
        }
        long total = blocks.isEmpty() ? 0 : cumulative[blocks.size() - 1];
        long readTokens = read >= 0 ? cumulative[read] : 0;
        long writeTokens = lastWrite > read ? cumulative[lastWrite] - readTokens : 0;
        remember(read, lastWrite, blocks, hashes, cumulative, now);
        return new Billing(readTokens, writeTokens, total - readTokens - writeTokens);
    }

    synchronized int entries() {
        return expiries.size();
    }

    private void remember(
            int read, int lastWrite, List<Block> blocks, String[] hashes, long[] cumulative, Instant now) {
        if (read >= 0) {
            expiries.put(hashes[read], now.plus(TTL));
        }
        for (int b = 0; b <= lastWrite; b++) {
            if (blocks.get(b).breakpoint() && cumulative[b] >= minCacheableTokens) {
                expiries.put(hashes[b], now.plus(TTL));
            }
        }
    }

    private static long[] cumulativeTokens(List<Block> blocks) {
        long[] cumulative = new long[blocks.size()];
        long sum = 0;
        for (int i = 0; i < blocks.size(); i++) {
            sum += tokens(blocks.get(i).canonical());
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** The hash of every prefix ending at each block; caches are per model. */
    private static String[] prefixHashes(String model, List<Block> blocks) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((model + "\u0000").getBytes(StandardCharsets.UTF_8));
            String[] hashes = new String[blocks.size()];
            for (int i = 0; i < blocks.size(); i++) {
                digest.update((blocks.get(i).canonical() + "\u0000").getBytes(StandardCharsets.UTF_8));
                hashes[i] = HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
            }
            return hashes;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are always available and cloneable", e);
        }
    }
}
