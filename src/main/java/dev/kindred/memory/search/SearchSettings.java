package dev.kindred.memory.search;

/**
 * How the two rankings are fused: each list of the {@code candidates} best documents has its scores
 * scaled to 0..1, and a document earns {@code weight} times its scaled score from each list it is in
 * ({@link FusedScores}). {@code rescoreCandidates} is how many sign-bit neighbours of the query
 * large indexes rescore exactly. The neighbour weights add that share of the scores of the documents
 * stored just before and after (the turns around a message in recall). When a query names some of
 * the people who spoke, messages by the others keep {@code otherSpeakerFactor} of their score; when
 * it names a day, month or year, documents from other times keep {@code otherTimeFactor} (1 turns
 * either off). {@code maxIndexedDocs} bounds the documents held in memory over all cached agents
 * (the least recently used agents are dropped).
 */
public record SearchSettings(
        double keywordWeight,
        double vectorWeight,
        int candidates,
        int rescoreCandidates,
        double keywordNeighbours,
        double vectorNeighbours,
        double otherSpeakerFactor,
        double otherTimeFactor,
        long maxIndexedDocs) {

    /**
     * For archival passages, which stand alone. On LoCoMo's turns stored as passages, naming a time
     * lifts evidence recall@10 from 0.648 to 0.665.
     */
    public static final SearchSettings DEFAULTS = new SearchSettings(1.0, 0.5, 100, 400, 0, 0, 1, 0.3, 1_000_000);

    /**
     * For recall, where a message's meaning leans on the turns around it. Chosen on LoCoMo as a
     * whole (evidence recall@10: 0.555 with equal weights, reciprocal rank fusion and no neighbours
     * or speakers; 0.740 with reciprocal rank fusion and these neighbours and speakers; 0.759 with
     * score fusion; see LocomoBench).
     */
    public static final SearchSettings RECALL_DEFAULTS =
            new SearchSettings(1.0, 0.6, 100, 400, 0.7, 0.3, 0.5, 0.3, 1_000_000);

    public SearchSettings {
        if (keywordWeight < 0 || vectorWeight < 0 || keywordWeight + vectorWeight == 0) {
            throw new IllegalArgumentException("search weights must be >= 0 and not both 0");
        }
        if (keywordNeighbours < 0 || vectorNeighbours < 0) {
            throw new IllegalArgumentException("neighbour weights must be >= 0");
        }
        if (otherSpeakerFactor < 0 || otherSpeakerFactor > 1 || otherTimeFactor < 0 || otherTimeFactor > 1) {
            throw new IllegalArgumentException("otherSpeakerFactor and otherTimeFactor must be between 0 and 1");
        }
        if (candidates < 1 || rescoreCandidates < 1 || maxIndexedDocs < 1) {
            throw new IllegalArgumentException("search sizes must be positive");
        }
    }
}
