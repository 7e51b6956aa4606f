package dev.kindred.memory;

import java.util.regex.Pattern;

/** The rules every block label follows, checked in one place. */
public final class Labels {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private Labels() {}

    public static String require(String label) {
        if (label == null || label.isBlank()) {
            throw new UserInputException("a block label must not be empty");
        }
        if (!LABEL.matcher(label).matches()) {
            throw new UserInputException(
                    "block label '" + abbreviate(label) + "' is invalid: use 1 to 64 letters, digits, '_', '-' or '.'");
        }
        return label;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
