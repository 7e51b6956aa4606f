package dev.kindred.memory;

/** Limit checks shared by block creation and every edit, so all of them fail the same way. */
public final class BlockLimits {
    private BlockLimits() {}

    public static int requireLimit(int limit) {
        if (limit < 1 || limit > Block.MAX_LIMIT) {
            throw new UserInputException(
                    "a block limit must be between 1 and " + Block.MAX_LIMIT + " characters, got " + limit);
        }
        return limit;
    }

    public static String requireFits(String label, String value, int limit) {
        if (value.length() > limit) {
            throw new UserInputException("block '" + label + "' would hold " + value.length()
                    + " characters but its limit is " + limit + "; shorten the text or raise the limit");
        }
        return value;
    }
}
