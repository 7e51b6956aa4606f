package dev.kindred.discord.commands;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * {@code /privacy export}: everything Kindred keeps about the caller, as a JSON file sent to their
 * DMs (never into a server channel), zipped when it is over Discord's 8 MB attachment limit.
 */
final class PrivacyExportCommand implements SlashCommand {
    static final int MAX_PLAIN_BYTES = 8 * 1024 * 1024;

    @Override
    public String group() {
        return "privacy";
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("export", "Get a copy of everything Kindred keeps about you, by DM");
    }

    @Override
    public void run(CommandCall call) {
        String userId = call.user().getId();
        FileUpload file = upload(
                "kindred-" + userId + ".json", call.bot().deps().privacy().export(userId));
        call.user()
                .openPrivateChannel()
                .flatMap(dm ->
                        dm.sendMessage("Everything Kindred keeps about you.").addFiles(file))
                .queue(
                        sent -> call.reply("I sent your export to your DMs."),
                        failed ->
                                call.reply("I couldn't DM you; allow direct messages from this server and try again."));
    }

    static FileUpload upload(String name, byte[] json) {
        return json.length <= MAX_PLAIN_BYTES
                ? FileUpload.fromData(json, name)
                : FileUpload.fromData(zip(name, json), name + ".zip");
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("zipping in memory failed", e);
        }
        return bytes.toByteArray();
    }
}
