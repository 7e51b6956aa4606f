package dev.kindred.model;

import dev.kindred.config.ModelPrice;
import dev.kindred.config.ModelsConfig;
import dev.kindred.config.ProviderConfig;
import java.util.Optional;

/** Estimates the US dollar cost of a call from the configured per-million-token prices. */
public final class CostCalculator {
    private static final double MILLION = 1_000_000.0;

    private final ModelsConfig config;

    public CostCalculator(ModelsConfig config) {
        this.config = config;
    }

    /** The price of a {@code provider/model}, if the configuration lists one. */
    public Optional<ModelPrice> price(String model) {
        ModelRef ref = ModelRef.parse(model);
        ProviderConfig provider = config.providers().get(ref.provider());
        return provider == null
                ? Optional.empty()
                : Optional.ofNullable(provider.models().get(ref.model()));
    }

    /** The estimated cost; zero for a model without a configured price. */
    public double costUsd(String model, Usage usage) {
        return price(model).map(price -> cost(price, usage)).orElse(0.0);
    }

    public static double cost(ModelPrice price, Usage usage) {
        return (usage.inputTokens() * price.input()
                        + usage.cacheReadTokens() * price.cachedInput()
                        + usage.cacheWriteTokens() * price.cacheWrite()
                        + usage.outputTokens() * price.output())
                / MILLION;
    }
}
