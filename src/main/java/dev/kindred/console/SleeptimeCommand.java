package dev.kindred.console;

import dev.kindred.memory.SleeptimeSettings;
import dev.kindred.memory.UserInputException;
import dev.kindred.model.ModelRef;
import dev.kindred.sleeptime.SleeptimeService;

/** {@code /sleeptime status|run|frequency N|on|off|model provider/model}: the terminal's sleeptime controls. */
public final class SleeptimeCommand implements ConsoleCommand {
    private final SleeptimeService sleeptime;

    public SleeptimeCommand(SleeptimeService sleeptime) {
        this.sleeptime = sleeptime;
    }

    @Override
    public String name() {
        return "sleeptime";
    }

    @Override
    public String help() {
        return "/sleeptime status|run|frequency N|on|off|model provider/model";
    }

    @Override
    public void run(ConsoleSession session, String arguments) {
        String[] parts = arguments.strip().split("\\s+", 2);
        String agentId = session.agent().id();
        String value = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0]) {
            case "", "status" -> session.out().println(sleeptime.status(agentId));
            case "run" -> {
                sleeptime.runNow(agentId, ConsoleChat.CHANNEL);
                session.out().println("sleeptime run queued");
            }
            case "on", "off" -> {
                boolean on = parts[0].equals("on");
                sleeptime.update(agentId, s -> new SleeptimeSettings(on, s.frequency(), s.model()));
                session.out().println("sleeptime " + parts[0]);
            }
            case "frequency" -> {
                int n = parseCount(value);
                sleeptime.update(agentId, s -> new SleeptimeSettings(s.enabled(), n, s.model()));
                session.out().println("sleeptime runs every " + n + " user messages per channel");
            }
            case "model" -> {
                String model = parseModel(value);
                sleeptime.update(agentId, s -> new SleeptimeSettings(s.enabled(), s.frequency(), model));
                session.out().println("sleeptime model set to " + model);
            }
            default -> throw new UserInputException("usage: " + help());
        }
    }

    private static int parseCount(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UserInputException("frequency needs a whole number of messages, e.g. /sleeptime frequency 5");
        }
    }

    private static String parseModel(String value) {
        try {
            return ModelRef.parse(value).toString();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
