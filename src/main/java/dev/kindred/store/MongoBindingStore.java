package dev.kindred.store;

import static com.mongodb.client.model.Filters.eq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.kindred.memory.Binding;
import dev.kindred.memory.BindingStore;
import dev.kindred.memory.ListenMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Bindings in {@code bindings}, keyed by scope key. Every inbound message looks its channel up, and
 * most channels are unbound, so absence is cached too; bind and unbind invalidate after the write.
 */
public final class MongoBindingStore implements BindingStore {
    private final MongoCollection<Document> bindings;
    private final Cache<String, Optional<Binding>> cache =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(50_000).build();

    MongoBindingStore(MongoDatabase database) {
        this.bindings = database.getCollection(Schema.BINDINGS);
    }

    @Override
    public Binding bind(Binding binding) {
        try {
            bindings.replaceOne(eq("_id", binding.scopeKey()), toDocument(binding), new ReplaceOptions().upsert(true));
        } finally {
            cache.invalidate(binding.scopeKey());
        }
        return binding;
    }

    @Override
    public Optional<Binding> find(String scopeKey) {
        return cache.get(
                scopeKey,
                key -> Optional.ofNullable(bindings.find(eq("_id", key)).first())
                        .map(MongoBindingStore::fromDocument));
    }

    @Override
    public List<Binding> forAgent(String agentId) {
        return query("agentId", agentId);
    }

    @Override
    public List<Binding> forGuild(String guildId) {
        return query("guildId", guildId);
    }

    @Override
    public boolean unbind(String scopeKey) {
        try {
            return bindings.deleteOne(eq("_id", scopeKey)).getDeletedCount() == 1;
        } finally {
            cache.invalidate(scopeKey);
        }
    }

    private List<Binding> query(String field, String value) {
        return bindings.find(eq(field, value))
                .sort(Sorts.ascending("_id"))
                .map(MongoBindingStore::fromDocument)
                .into(new ArrayList<>());
    }

    private static Document toDocument(Binding binding) {
        return new Document("_id", binding.scopeKey())
                .append("agentId", binding.agentId())
                .append("mode", binding.mode().name())
                .append("guildId", binding.guildId());
    }

    private static Binding fromDocument(Document document) {
        return new Binding(
                document.getString("_id"),
                document.getString("agentId"),
                ListenMode.valueOf(document.getString("mode")),
                document.getString("guildId"));
    }
}
