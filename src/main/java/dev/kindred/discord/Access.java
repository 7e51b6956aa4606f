package dev.kindred.discord;

import dev.kindred.memory.Agent;
import dev.kindred.memory.AgentScope;
import dev.kindred.memory.Passage;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what. A DM agent belongs to its user alone. In a server, any member may read the agent's
 * shared blocks and their own member block; changing the agent needs Manage Server or the admin role.
 */
public final class Access {
    private final String adminRole;

    public Access(String adminRole) {
        this.adminRole = adminRole.strip();
    }

    public boolean isAdmin(@Nullable Member member) {
        if (member == null) {
            return false;
        }
        return member.hasPermission(Permission.MANAGE_SERVER)
                || (!adminRole.isEmpty()
                        && member.getRoles().stream().anyMatch(r -> r.getName().equalsIgnoreCase(adminRole)));
    }

    /** Reading: the owner of a DM agent; any member of the agent's server. */
    public void requireRead(Agent agent, User user) {
        if (agent.scope().kind() == AgentScope.Kind.DM) {
            requireOwner(agent, user);
        }
    }

    /**
     * Whether the member may read the server channel with this id. One that no longer exists, and a place
     * that is no channel at all (a summary, the console), shows nothing: there is nobody to ask.
     */
    public boolean canView(@Nullable Member member, String channelId) {
        if (member == null) {
            return false;
        }
        try {
            GuildChannel channel = member.getGuild().getGuildChannelById(channelId);
            return channel != null && member.hasAccess(channel);
        } catch (NumberFormatException notAChannelId) {
            return false;
        }
    }

    /**
     * Whether the member may see an archival passage: one from a server channel only when they can read
     * that channel; one from no channel (imported, or from before passages kept theirs) is the server's.
     */
    public boolean canView(@Nullable Member member, Passage passage) {
        return passage.channelId() == null || canView(member, passage.channelId());
    }

    /** Changing the agent, its model, shared blocks, bindings or sleeptime. */
    public void requireManage(Agent agent, User user, @Nullable Member member) {
        if (agent.scope().kind() == AgentScope.Kind.DM) {
            requireOwner(agent, user);
        } else if (!isAdmin(member)) {
            throw new PermissionDeniedException(needsAdmin());
        }
    }

    /** Managing agents of a server as such (create, bind) before any one agent is involved. */
    public void requireServerAdmin(@Nullable Member member) {
        if (!isAdmin(member)) {
            throw new PermissionDeniedException(needsAdmin());
        }
    }

    public String needsAdmin() {
        String role = adminRole.isEmpty() ? "" : " or the '" + adminRole + "' role";
        return "You need the Manage Server permission" + role + " to do that.";
    }

    private static void requireOwner(Agent agent, User user) {
        if (!agent.ownerId().equals(user.getId())) {
            throw new PermissionDeniedException("Only the person this companion belongs to can do that.");
        }
    }
}
