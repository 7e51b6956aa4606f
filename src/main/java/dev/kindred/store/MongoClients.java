package dev.kindred.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import java.util.concurrent.TimeUnit;
import org.bson.UuidRepresentation;

/** Client settings shared by the embedded server and a real deployment. */
final class MongoClients {
    private MongoClients() {}

    static MongoClient connect(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build();
        return com.mongodb.client.MongoClients.create(settings);
    }
}
