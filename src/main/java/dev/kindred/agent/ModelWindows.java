package dev.kindred.agent;

import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.ProviderConfig;
import dev.kindred.model.ModelRef;

/** How many tokens a model's context window holds, from the configured catalogue. */
public final class ModelWindows {
    /** For models the configuration does not describe (a custom endpoint's model, say). */
    public static final int UNKNOWN_MODEL_WINDOW = 32_000;

    private final ModelsConfig config;

    public ModelWindows(ModelsConfig config) {
        this.config = config;
    }

    public int tokens(String modelRef) {
        ModelRef ref = ModelRef.parse(modelRef);
        ProviderConfig provider = config.providers().get(ref.provider());
        ModelPrice price = provider == null ? null : provider.models().get(ref.model());
        return price == null ? UNKNOWN_MODEL_WINDOW : price.contextWindow();
    }
}
