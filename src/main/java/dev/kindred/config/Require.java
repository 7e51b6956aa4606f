package dev.kindred.config;

/** Checks used by the config records' constructors; each failure names the key. */
final class Require {
    private Require() {}

    static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw ConfigException.forKey(key, "must not be empty");
        }
        return value;
    }

    static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw ConfigException.forKey(key, "expected a whole number from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    static double between(String key, double value, double min, double max) {
        if (value < min || value > max) {
            throw ConfigException.forKey(key, "expected a number from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    static java.time.Duration positive(String key, java.time.Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw ConfigException.forKey(key, "expected a positive duration such as 500ms, 5s or 5m");
        }
        return value;
    }
}
