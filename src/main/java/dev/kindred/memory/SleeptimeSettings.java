package dev.kindred.memory;

import org.jspecify.annotations.Nullable;

/** Whether the sleeptime agent runs for an agent, how often (user messages per channel), on which model. */
public record SleeptimeSettings(
        boolean enabled, int frequency, @Nullable String model) {
    public static final int DEFAULT_FREQUENCY = 5;

    public SleeptimeSettings {
        if (frequency < 1 || frequency > 1_000) {
            throw new UserInputException("sleeptime frequency must be between 1 and 1000 messages, got " + frequency);
        }
    }

    public static SleeptimeSettings defaults() {
        return new SleeptimeSettings(true, DEFAULT_FREQUENCY, null);
    }

    public SleeptimeSettings withEnabled(boolean on) {
        return new SleeptimeSettings(on, frequency, model);
    }

    public SleeptimeSettings withFrequency(int messages) {
        return new SleeptimeSettings(enabled, messages, model);
    }

    public SleeptimeSettings withModel(@Nullable String sleeptimeModel) {
        return new SleeptimeSettings(enabled, frequency, sleeptimeModel);
    }
}
