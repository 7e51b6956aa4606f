package dev.kindred;

import dev.kindred.config.ConfigException;
import dev.kindred.config.ConfigLoader;
import dev.kindred.config.KindredConfig;
import dev.kindred.memory.UserInputException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: with no arguments, runs the Discord bot; {@code chat}, {@code import},
 * {@code export} and {@code privacy} do the rest. Problems a person can fix are printed as one clear
 * line and exit with status 2, never as a stack trace.
 */
public final class Kindred {
    static final String USAGE = """
            usage: kindred                          run the Discord bot (needs DISCORD_TOKEN)
                   kindred chat [--agent NAME]      talk to an agent in the terminal
                   kindred import FILE              import a Letta Agent File (.af)
                   kindred export NAME [FILE]       export an agent as an Agent File""";

    private Kindred() {}

    public static void main(String[] args) {
        int status = run(List.of(args), System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            KindredConfig config =
                    new ConfigLoader(env).load(Path.of(env.getOrDefault("KINDRED_CONFIG", "config/kindred.yaml")));
            String command = args.isEmpty() ? "bot" : args.get(0);
            List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
            switch (command) {
                case "bot" -> runBot(config, env, err);
                case "chat" -> runChat(config, env, rest, out);
                default -> throw new UserInputException("unknown command '" + command + "'\n" + USAGE);
            }
            return 0;
        } catch (ConfigException | UserInputException e) {
            err.println("kindred: " + e.getMessage());
            return 2;
        }
    }

    private static void runBot(KindredConfig config, Map<String, String> env, PrintStream err) {
        String token = env.getOrDefault(config.discord().tokenEnv(), "").strip();
        if (token.isEmpty()) {
            throw new UserInputException(
                    "no Discord token: set the environment variable "
                            + config.discord().tokenEnv()
                            + " to your bot's token (README: \"Creating the Discord application\"), or run `java -jar target/kindred.jar chat` to talk in the terminal");
        }
        KindredApp app = KindredApp.start(config, env);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "kindred-shutdown"));
        err.println("Kindred is running; stop it with Ctrl-C.");
    }

    private static void runChat(KindredConfig config, Map<String, String> env, List<String> args, PrintStream out) {
        String name = option(args, "--agent").orElse("Companion");
        try (KindredApp app = KindredApp.start(config, env)) {
            app.chat(name, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        } catch (java.io.IOException e) {
            throw new UserInputException("the terminal closed: " + e.getMessage());
        }
    }

    static Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Optional.of(args.get(at + 1)) : Optional.empty();
    }
}
