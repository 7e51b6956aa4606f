package dev.kindred.store;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.ContextWindow;
import dev.kindred.memory.SleeptimeSettings;
import java.util.Locale;
import org.bson.Document;

/** Maps {@link Agent} to and from its document in {@code agents}. */
final class AgentDocuments {
    private AgentDocuments() {}

    /** Names are unique per scope regardless of case, so "Luna" and "luna" cannot both exist. */
    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static Document toDocument(Agent agent) {
        SleeptimeSettings sleeptime = agent.sleeptime();
        return new Document("_id", agent.id())
                .append("name", agent.name())
                .append("nameKey", nameKey(agent.name()))
                .append(
                        "scope",
                        new Document("kind", agent.scope().kind().name())
                                .append("id", agent.scope().id()))
                .append("scopeKey", agent.scope().key())
                .append("ownerId", agent.ownerId())
                .append("model", agent.model())
                .append("fallbackModel", agent.fallbackModel())
                .append("instructions", agent.instructions())
                .append("timezone", agent.timezone())
                .append(
                        "sleeptime",
                        new Document("enabled", sleeptime.enabled())
                                .append("frequency", sleeptime.frequency())
                                .append("model", sleeptime.model()))
                .append(
                        "window",
                        new Document("startSeq", agent.window().startSeq())
                                .append("summary", agent.window().summary()))
                .append("createdAt", Fields.date(agent.createdAt()))
                .append("version", agent.version());
    }

    static Agent fromDocument(Document document) {
        Document scope = document.get("scope", Document.class);
        Document sleeptime = document.get("sleeptime", Document.class);
        Document window = document.get("window", Document.class);
        return new Agent(
                document.getString("_id"),
                document.getString("name"),
                new AgentScope(AgentScope.Kind.valueOf(scope.getString("kind")), scope.getString("id")),
                document.getString("ownerId"),
                document.getString("model"),
                document.getString("fallbackModel"),
                document.getString("instructions"),
                document.getString("timezone"),
                new SleeptimeSettings(
                        sleeptime.getBoolean("enabled"),
                        Fields.intValue(sleeptime, "frequency"),
                        sleeptime.getString("model")),
                new ContextWindow(Fields.longValue(window, "startSeq"), window.getString("summary")),
                Fields.instant(document, "createdAt"),
                Fields.longValue(document, "version"));
    }

    /** The changed agent as the next version of {@code current}: id and creation time never change. */
    static Agent nextVersion(Agent current, Agent changed) {
        return new Agent(
                current.id(),
                changed.name(),
                changed.scope(),
                changed.ownerId(),
                changed.model(),
                changed.fallbackModel(),
                changed.instructions(),
                changed.timezone(),
                changed.sleeptime(),
                changed.window(),
                current.createdAt(),
                current.version() + 1);
    }
}
