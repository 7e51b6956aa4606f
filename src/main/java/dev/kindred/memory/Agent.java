package dev.kindred.memory;

import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An agent: who owns it, which model it runs on, its own instructions, its sleeptime settings and
 * its context window. {@code version} moves with every change (compare-and-set in the store).
 */
public record Agent(
        String id,
        String name,
        AgentScope scope,
        String ownerId,
        String model,
        @Nullable String fallbackModel,
        String instructions,
        String timezone,
        SleeptimeSettings sleeptime,
        ContextWindow window,
        Instant createdAt,
        long version) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.'-]{1,40}");
    public static final int MAX_INSTRUCTIONS = 20_000;

    public Agent {
        requireName(name);
        if (instructions.length() > MAX_INSTRUCTIONS) {
            throw new UserInputException("instructions are limited to " + MAX_INSTRUCTIONS + " characters");
        }
        java.time.ZoneId.of(timezone);
    }

    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.isBlank()) {
            throw new UserInputException("an agent name needs 1 to 40 letters, digits, spaces, '_', '.', ''' or '-'");
        }
        return name;
    }

    public Agent withName(String newName) {
        return new Agent(
                id,
                newName,
                scope,
                ownerId,
                model,
                fallbackModel,
                instructions,
                timezone,
                sleeptime,
                window,
                createdAt,
                version);
    }

    public Agent withModel(String newModel, @Nullable String newFallback) {
        return new Agent(
                id,
                name,
                scope,
                ownerId,
                newModel,
                newFallback,
                instructions,
                timezone,
                sleeptime,
                window,
                createdAt,
                version);
    }

    public Agent withInstructions(String newInstructions) {
        return new Agent(
                id,
                name,
                scope,
                ownerId,
                model,
                fallbackModel,
                newInstructions,
                timezone,
                sleeptime,
                window,
                createdAt,
                version);
    }

    public Agent withSleeptime(SleeptimeSettings settings) {
        return new Agent(
                id,
                name,
                scope,
                ownerId,
                model,
                fallbackModel,
                instructions,
                timezone,
                settings,
                window,
                createdAt,
                version);
    }

    public Agent withWindow(ContextWindow newWindow) {
        return new Agent(
                id,
                name,
                scope,
                ownerId,
                model,
                fallbackModel,
                instructions,
                timezone,
                sleeptime,
                newWindow,
                createdAt,
                version);
    }
}
