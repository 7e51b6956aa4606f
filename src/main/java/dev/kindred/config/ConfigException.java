package dev.kindred.config;

/** A configuration problem, reported at start-up with the key's name and what is expected. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigException forKey(String key, String expectation) {
        return new ConfigException("config key '" + key + "': " + expectation);
    }
}
