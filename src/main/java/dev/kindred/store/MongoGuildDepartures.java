package dev.kindred.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.kindred.privacy.GuildDepartures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Departures in {@code guild_departures}, one document per server keyed by its id. */
final class MongoGuildDepartures implements GuildDepartures {
    private final MongoCollection<Document> departures;

    MongoGuildDepartures(MongoDatabase database) {
        this.departures = database.getCollection(Schema.GUILD_DEPARTURES);
    }

    @Override
    public void left(String guildId, Instant at) {
        departures.updateOne(
                eq("_id", guildId),
                Updates.setOnInsert("leftAt", Fields.date(Fields.millis(at))),
                new UpdateOptions().upsert(true));
    }

    @Override
    public void clear(String guildId) {
        departures.deleteOne(eq("_id", guildId));
    }

    @Override
    public List<String> leftBefore(Instant cutoff) {
        return departures
                .find(lt("leftAt", Fields.date(cutoff)))
                .sort(Sorts.ascending("leftAt"))
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }
}
