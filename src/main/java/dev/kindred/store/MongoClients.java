package dev.kindred.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.TransportSettings;
import java.util.concurrent.TimeUnit;
import org.bson.UuidRepresentation;

/** Client settings shared by the embedded server and a real deployment. */
final class MongoClients {
    private MongoClients() {}

    static MongoClient connect(String uri) {
        return com.mongodb.client.MongoClients.create(settings(uri).build());
    }

    /** A client whose connections to the embedded {@code server} at {@code uri} run in process. */
    static MongoClient connectInProcess(String uri, InProcessServer server) {
        return com.mongodb.client.MongoClients.create(settings(uri)
                .transportSettings(TransportSettings.nettyBuilder()
                        .eventLoopGroup(server)
                        .socketChannelClass(InProcessChannel.class)
                        .build())
                .build());
    }

    private static MongoClientSettings.Builder settings(String uri) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS));
    }
}
