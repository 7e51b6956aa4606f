package dev.kindred.memory.search;

/**
 * How the two rankings are fused: reciprocal rank fusion adds {@code weight / (rrfK + rank)} from
 * each list of {@code candidates} best documents. {@code rescoreCandidates} is how many sign-bit
 * neighbours of the query large indexes rescore exactly. The neighbour weights add that share of
 * the scores of the documents stored just before and after (the turns around a message in recall).
 * When a query names some of the people who spoke, messages by the others keep {@code
 * otherSpeakerFactor} of their score (1 turns this off). {@code maxIndexedDocs} bounds the
 * documents held in memory over all cached agents (the least recently used agents are dropped).
 */
public record SearchSettings(
        double keywordWeight,
        double vectorWeight,
        int rrfK,
        int candidates,
        int rescoreCandidates,
        double keywordNeighbours,
        double vectorNeighbours,
        double otherSpeakerFactor,
        long maxIndexedDocs) {

    /** For archival passages, which stand alone. */
    public static final SearchSettings DEFAULTS = new SearchSettings(1.0, 0.5, 60, 100, 400, 0, 0, 1, 1_000_000);

    /**
     * For recall, where a message's meaning leans on the turns around it. Chosen on LoCoMo as a
     * whole (evidence recall@10: 0.555 with equal weights and no neighbours or speakers, 0.737 with
     * these; see LocomoBench).
     */
    public static final SearchSettings RECALL_DEFAULTS =
            new SearchSettings(1.0, 0.3, 60, 100, 400, 0.7, 0.3, 0.5, 1_000_000);

    public SearchSettings {
        if (keywordWeight < 0 || vectorWeight < 0 || keywordWeight + vectorWeight == 0) {
            throw new IllegalArgumentException("search weights must be >= 0 and not both 0");
        }
        if (keywordNeighbours < 0 || vectorNeighbours < 0) {
            throw new IllegalArgumentException("neighbour weights must be >= 0");
        }
        if (otherSpeakerFactor < 0 || otherSpeakerFactor > 1) {
            throw new IllegalArgumentException("otherSpeakerFactor must be between 0 and 1");
        }
        if (rrfK < 0 || candidates < 1 || rescoreCandidates < 1 || maxIndexedDocs < 1) {
            throw new IllegalArgumentException("search sizes must be positive");
        }
    }
}
