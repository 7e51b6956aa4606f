package dev.kindred.memory;

/**
 * Where an agent lives. A DM agent belongs to one user ({@code id} is their user id); a guild agent
 * belongs to a server ({@code id} is the guild id); a console agent is local to the terminal.
 */
public record AgentScope(Kind kind, String id) {
    public enum Kind {
        DM,
        GUILD,
        CONSOLE
    }

    public AgentScope {
        if (id.isBlank()) {
            throw new IllegalArgumentException("an agent scope needs an id");
        }
    }

    public static AgentScope dm(String userId) {
        return new AgentScope(Kind.DM, userId);
    }

    public static AgentScope guild(String guildId) {
        return new AgentScope(Kind.GUILD, guildId);
    }

    public static AgentScope console() {
        return new AgentScope(Kind.CONSOLE, "local");
    }

    public String key() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
