package dev.kindred.memory.search;

/**
 * A query vector as integers for dot products with int8 document codes: scaled so that its largest
 * value is as large as a sum of {@code length} such products can be without overflowing an int
 * (32,767 for MiniLM's 384 dimensions, a relative error under 1/65,000, far below the codes' own).
 * A dot product is the integer sum times {@link #scale} times the document's own scale.
 */
record IntQuery(int[] values, float scale) {
    private static final int MAX_CODE = 127;
    private static final int MAX_VALUE = Short.MAX_VALUE;

    static IntQuery of(float[] query) {
        float max = 1e-9f;
        for (float v : query) {
            max = Math.max(max, Math.abs(v));
        }
        int range = (int) Math.min(MAX_VALUE, Integer.MAX_VALUE / ((long) MAX_CODE * Math.max(1, query.length)));
        int[] values = new int[query.length];
        for (int i = 0; i < query.length; i++) {
            values[i] = Math.round(query[i] / max * range);
        }
        return new IntQuery(values, max / range);
    }
}
