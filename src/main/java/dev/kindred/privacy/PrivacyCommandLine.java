package dev.kindred.privacy;

import dev.kindred.memory.UserInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kindred privacy export --user ID [FILE]} prints the person's export (or writes it to FILE);
 * {@code kindred privacy purge-guild ID} erases a server's data at once.
 */
public final class PrivacyCommandLine {
    /** Lines for the program's usage text, indented to line up under "usage: ". */
    public static final String USAGE =
            "       kindred privacy export --user ID [FILE]   everything kept about a person, as JSON\n"
                    + "       kindred privacy purge-guild ID            erase a server's data now";

    private final PrivacyService privacy;
    private final PrintStream out;

    public PrivacyCommandLine(PrivacyService privacy, PrintStream out) {
        this.privacy = privacy;
        this.out = out;
    }

    /** @throws UserInputException when the arguments are not one of the two forms above */
    public void run(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        switch (command) {
            case "export" -> export(rest);
            case "purge-guild" -> purgeGuild(rest);
            default -> throw usage();
        }
    }

    private void export(List<String> args) {
        int at = args.indexOf("--user");
        if (at < 0 || at + 1 >= args.size()) {
            throw usage();
        }
        String userId = args.get(at + 1);
        List<String> files = new ArrayList<>(args);
        files.remove(at + 1);
        files.remove(at);
        byte[] json = privacy.export(userId);
        if (files.isEmpty()) {
            out.println(new String(json, StandardCharsets.UTF_8));
            return;
        }
        Path file = Path.of(files.get(0));
        try {
            Files.write(file, json);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage());
        }
        out.println("wrote " + json.length + " bytes to " + file);
    }

    private void purgeGuild(List<String> args) {
        if (args.size() != 1) {
            throw usage();
        }
        out.println("erased: " + privacy.purgeGuild(args.get(0)).render());
    }

    private static UserInputException usage() {
        return new UserInputException("usage:\n" + USAGE);
    }
}
