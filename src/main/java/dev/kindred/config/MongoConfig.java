package dev.kindred.config;

/** Where data lives: {@code uri} empty means the embedded wire server with its files in {@code dataDir}. */
public record MongoConfig(String uri, String database, String dataDir) {
    public MongoConfig {
        Require.notBlank("mongodb.database", database);
        Require.notBlank("mongodb.data-dir", dataDir);
    }

    public boolean embedded() {
        return uri.isBlank();
    }
}
