package dev.kindred.agentfile;

/**
 * Letta allows labels Kindred does not ({@code system/human/work}, {@code /note_directory}, labels
 * longer than 64 characters): path separators become dots, other characters underscores.
 */
final class BlockLabels {
    private static final int MAX = 64;

    private BlockLabels() {}

    static String sanitize(String label) {
        String cleaned =
                label.replace('/', '.').replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^[.]+", "");
        if (cleaned.length() > MAX) {
            cleaned = cleaned.substring(0, MAX);
        }
        return cleaned.isEmpty() ? "block" : cleaned;
    }

    /** {@code label} with a numeric suffix that still fits. */
    static String numbered(String label, int n) {
        String suffix = "-" + n;
        return label.substring(0, Math.min(label.length(), MAX - suffix.length())) + suffix;
    }
}
