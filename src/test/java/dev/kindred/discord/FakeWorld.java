package dev.kindred.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The people and places of the fake Discord, and the JSON payloads JDA 6.5 accepts for them: the bot,
 * one server with a plain channel, a bound channel, a thread and a staff channel only the Mods role
 * and the bot can see, an admin (Manage Server), a member with the configured admin role, and a plain
 * member.
 */
final class FakeWorld {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BOT = "1000";
    static final String GUILD = "2000";
    static final String GENERAL = "2001";
    static final String LOUNGE = "2002";
    static final String THREAD = "2003";
    static final String STAFF = "2004";
    static final String MODS_ROLE = "2100";
    static final String KEEPERS_ROLE = "2101";
    static final String ADMIN_ROLE_NAME = "Keepers";
    static final String OWNER = "9999";
    static final long MANAGE_SERVER = 1L << 5;
    static final long VIEW_CHANNEL = 1L << 10;
    /** View channel, send messages, read history, send messages in threads. */
    static final long EVERYONE_PERMISSIONS = VIEW_CHANNEL | (1L << 11) | (1L << 16) | (1L << 38);

    record Person(String id, String name, String dmChannel, List<String> roles) {}

    static final Person ALICE = new Person("3001", "alice", "4001", List.of(MODS_ROLE));
    static final Person BOB = new Person("3002", "bob", "4002", List.of());
    static final Person CAROL = new Person("3003", "carol", "4003", List.of(KEEPERS_ROLE));

    Map<String, Object> botUser() {
        return user(BOT, "kindred", true);
    }

    static Map<String, Object> user(String id, String name, boolean bot) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("username", name);
        user.put("global_name", name);
        user.put("discriminator", "0");
        user.put("avatar", null);
        user.put("bot", bot);
        user.put("flags", 0);
        return user;
    }

    static Map<String, Object> user(Person p) {
        return user(p.id(), p.name(), false);
    }

    Map<String, Object> ready() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("v", 10);
        d.put("user", botUser());
        d.put("guilds", List.of(Map.of("id", GUILD, "unavailable", true)));
        d.put("session_id", "fake-session");
        d.put("resume_gateway_url", "ws://127.0.0.1:1");
        d.put("application", Map.of("id", BOT, "flags", 0));
        d.put("private_channels", List.of());
        d.put("relationships", List.of());
        d.put("presences", List.of());
        return d;
    }

    List<Map<String, Object>> guildCreates() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", GUILD);
        g.put("name", "Lighthouse Club");
        g.put("owner_id", OWNER);
        g.put("icon", null);
        g.put("splash", null);
        g.put("banner", null);
        g.put("description", null);
        g.put("features", List.of());
        g.put("emojis", List.of());
        g.put("stickers", List.of());
        g.put(
                "roles",
                List.of(
                        role(GUILD, "@everyone", EVERYONE_PERMISSIONS, 0),
                        role(MODS_ROLE, "Mods", MANAGE_SERVER, 2),
                        role(KEEPERS_ROLE, ADMIN_ROLE_NAME, 0, 1)));
        g.put("channels", List.of(textChannel(GENERAL, "general", 0), textChannel(LOUNGE, "lounge", 1), staff()));
        g.put("threads", List.of(thread()));
        g.put("members", List.of(member(ALICE), member(BOB), member(CAROL), botMember()));
        g.put("member_count", 4);
        g.put("voice_states", List.of());
        g.put("presences", List.of());
        g.put("stage_instances", List.of());
        g.put("guild_scheduled_events", List.of());
        g.put("soundboard_sounds", List.of());
        g.put("large", false);
        g.put("unavailable", false);
        g.put("joined_at", "2026-01-01T00:00:00.000000+00:00");
        g.put("verification_level", 0);
        g.put("default_message_notifications", 0);
        g.put("explicit_content_filter", 0);
        g.put("mfa_level", 0);
        g.put("nsfw_level", 0);
        g.put("premium_tier", 0);
        g.put("premium_subscription_count", 0);
        g.put("preferred_locale", "en-US");
        g.put("system_channel_flags", 0);
        g.put("afk_timeout", 300);
        g.put("max_members", 1000);
        return List.of(g);
    }

    private static Map<String, Object> role(String id, String name, long permissions, int position) {
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("id", id);
        role.put("name", name);
        role.put("permissions", String.valueOf(permissions));
        role.put("position", position);
        role.put("color", 0);
        Map<String, Object> colors = new LinkedHashMap<>();
        colors.put("primary_color", 0);
        colors.put("secondary_color", null);
        colors.put("tertiary_color", null);
        role.put("colors", colors);
        role.put("hoist", false);
        role.put("managed", false);
        role.put("mentionable", false);
        role.put("flags", 0);
        return role;
    }

    private static Map<String, Object> textChannel(String id, String name, int position) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("id", id);
        channel.put("type", 0);
        channel.put("guild_id", GUILD);
        channel.put("name", name);
        channel.put("position", position);
        channel.put("permission_overwrites", List.of());
        channel.put("nsfw", false);
        channel.put("topic", null);
        channel.put("last_message_id", null);
        channel.put("rate_limit_per_user", 0);
        channel.put("parent_id", null);
        return channel;
    }

    /** Hidden from @everyone; shown to the Mods role and to the bot. */
    private static Map<String, Object> staff() {
        Map<String, Object> channel = textChannel(STAFF, "staff", 2);
        channel.put(
                "permission_overwrites",
                List.of(
                        overwrite(GUILD, 0, 0, VIEW_CHANNEL),
                        overwrite(MODS_ROLE, 0, VIEW_CHANNEL, 0),
                        overwrite(BOT, 1, VIEW_CHANNEL, 0)));
        return channel;
    }

    /** A channel's permission overwrite for a role (type 0) or a member (type 1). */
    private static Map<String, Object> overwrite(String id, int type, long allow, long deny) {
        return Map.of("id", id, "type", type, "allow", String.valueOf(allow), "deny", String.valueOf(deny));
    }

    private static Map<String, Object> thread() {
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("id", THREAD);
        thread.put("type", 11);
        thread.put("guild_id", GUILD);
        thread.put("parent_id", LOUNGE);
        thread.put("owner_id", ALICE.id());
        thread.put("name", "lounge thread");
        thread.put("last_message_id", null);
        thread.put("rate_limit_per_user", 0);
        thread.put("message_count", 0);
        thread.put("member_count", 1);
        thread.put("total_message_sent", 0);
        thread.put("flags", 0);
        thread.put(
                "thread_metadata",
                Map.of(
                        "archived",
                        false,
                        "auto_archive_duration",
                        1440,
                        "archive_timestamp",
                        "2026-01-01T00:00:00.000000+00:00",
                        "locked",
                        false));
        return thread;
    }

    static Map<String, Object> member(Person p) {
        Map<String, Object> member = memberWithoutUser(p);
        member.put("user", user(p));
        return member;
    }

    private static Map<String, Object> memberWithoutUser(Person p) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("roles", p.roles());
        member.put("nick", null);
        member.put("joined_at", "2026-01-01T00:00:00.000000+00:00");
        member.put("deaf", false);
        member.put("mute", false);
        member.put("flags", 0);
        return member;
    }

    private Map<String, Object> botMember() {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("user", botUser());
        member.put("roles", List.of());
        member.put("nick", null);
        member.put("joined_at", "2026-01-01T00:00:00.000000+00:00");
        member.put("deaf", false);
        member.put("mute", false);
        member.put("flags", 0);
        return member;
    }

    // ---- messages ----

    static Map<String, Object> message(String id, String channelId, Map<String, Object> author, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("channel_id", channelId);
        m.put("author", author);
        m.put("content", content);
        m.put("timestamp", Instant.now().toString());
        m.put("edited_timestamp", null);
        m.put("tts", false);
        m.put("mention_everyone", false);
        m.put("mentions", List.of());
        m.put("mention_roles", List.of());
        m.put("attachments", List.of());
        m.put("embeds", List.of());
        m.put("components", List.of());
        m.put("pinned", false);
        m.put("type", 0);
        m.put("flags", 0);
        return m;
    }

    /** The DM channel Discord returns when the bot opens a DM with {@code recipientId}. */
    Map<String, Object> openedDm(String recipientId) {
        Person p = List.of(ALICE, BOB, CAROL).stream()
                .filter(person -> person.id().equals(recipientId))
                .findFirst()
                .orElseThrow();
        return Map.of("id", p.dmChannel(), "type", 1, "recipients", List.of(user(p)));
    }

    Map<String, Object> dm(String id, Person from, String content) {
        return message(id, from.dmChannel(), user(from), content);
    }

    Map<String, Object> inGuild(String id, String channelId, Person from, String content, boolean mentionsBot) {
        Map<String, Object> m = message(id, channelId, user(from), content);
        m.put("guild_id", GUILD);
        m.put("member", memberWithoutUser(from));
        if (mentionsBot) {
            m.put("mentions", List.of(botUser()));
        }
        return m;
    }

    /** What Discord answers to a message the bot posts. */
    Map<String, Object> sentMessage(String id, String channelId, String body) throws IOException {
        String json = body.startsWith("--") ? payloadJson(body) : body;
        JsonNode sent = json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        Map<String, Object> m =
                message(id, channelId, botUser(), sent.path("content").asText(""));
        if (isGuildChannel(channelId)) {
            m.put("guild_id", GUILD);
        }
        return m;
    }

    /** The {@code payload_json} part of a multipart message (one with attached files). */
    private static String payloadJson(String body) {
        String boundary = body.substring(0, body.indexOf("\r\n"));
        for (String part : body.split(Pattern.quote(boundary))) {
            if (part.contains("name=\"payload_json\"")) {
                return part.substring(part.indexOf("\r\n\r\n") + 4).strip();
            }
        }
        return "";
    }

    Map<String, Object> followUp(String id, String body) throws IOException {
        String json = body;
        if (body.startsWith("--")) {
            json = body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1);
        }
        JsonNode sent = json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        Map<String, Object> m =
                message(id, GENERAL, botUser(), sent.path("content").asText(""));
        m.put("webhook_id", BOT);
        m.put("flags", 64);
        return m;
    }

    private static boolean isGuildChannel(String channelId) {
        return List.of(GENERAL, LOUNGE, THREAD, STAFF).contains(channelId);
    }

    // ---- interactions ----

    /** A slash command: {@code options} are name/value pairs of the subcommand (strings, numbers, booleans). */
    Map<String, Object> slash(
            String id, Person who, String channelId, String command, String sub, Map<String, Object> options) {
        List<Map<String, Object>> opts = new ArrayList<>();
        options.forEach((name, value) -> opts.add(Map.of("name", name, "type", optionType(value), "value", value)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", "5000");
        data.put("name", command);
        data.put("type", 1);
        data.put("options", sub == null ? opts : List.of(Map.of("name", sub, "type", 1, "options", opts)));
        return interaction(id, 2, who, channelId, data);
    }

    /** A slash command with one attachment option {@code fileOption} whose file lies at {@code url}. */
    Map<String, Object> slashWithFile(
            String id,
            Person who,
            String channelId,
            String command,
            String sub,
            String fileOption,
            String fileName,
            String url,
            int size,
            Map<String, Object> others) {
        Map<String, Object> interaction = slash(id, who, channelId, command, sub, Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) interaction.get("data");
        String attachmentId = String.valueOf(Long.parseLong(id) - 2);
        Map<String, Object> option = Map.of("name", fileOption, "type", 11, "value", attachmentId);
        List<Map<String, Object>> opts = new ArrayList<>();
        others.forEach((name, value) -> opts.add(Map.of("name", name, "type", optionType(value), "value", value)));
        opts.add(option);
        data.put("options", List.of(Map.of("name", sub, "type", 1, "options", opts)));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("id", attachmentId);
        attachment.put("filename", fileName);
        attachment.put("size", size);
        attachment.put("url", url);
        attachment.put("proxy_url", url);
        attachment.put("content_type", "text/plain; charset=utf-8");
        data.put("resolved", Map.of("attachments", Map.of(attachmentId, attachment)));
        return interaction;
    }

    /** An autocomplete request (type 4) while {@code who} types {@code typed} into {@code option}. */
    Map<String, Object> autocomplete(
            String id, Person who, String channelId, String command, String sub, String option, String typed) {
        Map<String, Object> focused = Map.of("name", option, "type", 3, "value", typed, "focused", true);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", "5000");
        data.put("name", command);
        data.put("type", 1);
        data.put("options", List.of(Map.of("name", sub, "type", 1, "options", List.of(focused))));
        return interaction(id, 4, who, channelId, data);
    }

    /** A server message that replies to message {@code repliedTo} by {@code author}, mentioning no one. */
    Map<String, Object> replyInGuild(
            String id, String channelId, Person from, String content, String repliedTo, Map<String, Object> author) {
        Map<String, Object> m = inGuild(id, channelId, from, content, false);
        m.put("type", 19);
        m.put("message_reference", Map.of("message_id", repliedTo, "channel_id", channelId, "guild_id", GUILD));
        Map<String, Object> referenced = message(repliedTo, channelId, author, "an earlier message");
        referenced.put("guild_id", GUILD);
        m.put("referenced_message", referenced);
        return m;
    }

    Map<String, Object> modalSubmit(
            String id, Person who, String channelId, String modalId, String field, String value) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("type", 4);
        input.put("id", 2);
        input.put("custom_id", field);
        input.put("value", value);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("custom_id", modalId);
        data.put("components", List.of(Map.of("type", 18, "id", 1, "component", input)));
        return interaction(id, 5, who, channelId, data);
    }

    Map<String, Object> buttonClick(String id, Person who, String channelId, String customId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        Map<String, Object> interaction = interaction(id, 3, who, channelId, data);
        Map<String, Object> message = message(String.valueOf(Long.parseLong(id) - 1), channelId, botUser(), "confirm?");
        message.put("flags", 64);
        if (isGuildChannel(channelId)) {
            message.put("guild_id", GUILD);
        }
        interaction.put("message", message);
        return interaction;
    }

    private Map<String, Object> interaction(
            String id, int type, Person who, String channelId, Map<String, Object> data) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("id", id);
        i.put("application_id", BOT);
        i.put("type", type);
        i.put("token", "token-" + id);
        i.put("version", 1);
        i.put("channel_id", channelId);
        i.put("locale", "en-US");
        i.put("entitlements", List.of());
        i.put("data", data);
        i.put("attachment_size_limit", 10_485_760);
        if (isGuildChannel(channelId)) {
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("id", channelId);
            channel.put("type", channelId.equals(THREAD) ? 11 : 0);
            channel.put("guild_id", GUILD);
            channel.put("name", "channel");
            if (channelId.equals(THREAD)) {
                channel.put("parent_id", LOUNGE);
            }
            i.put("channel", channel);
            i.put("guild_id", GUILD);
            i.put("guild", Map.of("id", GUILD, "locale", "en-US", "features", List.of()));
            i.put("guild_locale", "en-US");
            Map<String, Object> member = member(who);
            member.put("permissions", String.valueOf(who.roles().contains(MODS_ROLE) ? MANAGE_SERVER | 3072 : 3072));
            i.put("member", member);
            i.put("app_permissions", "3072");
            i.put("context", 0);
            i.put("authorizing_integration_owners", Map.of("0", GUILD));
        } else {
            i.put("channel", Map.of("id", channelId, "type", 1, "recipients", List.of(user(who))));
            i.put("user", user(who));
            i.put("app_permissions", "3072");
            i.put("context", 1);
            i.put("authorizing_integration_owners", Map.of("0", "0"));
        }
        return i;
    }

    private static int optionType(Object value) {
        if (value instanceof Boolean) {
            return 5;
        }
        if (value instanceof Number) {
            return 4;
        }
        return 3;
    }
}
