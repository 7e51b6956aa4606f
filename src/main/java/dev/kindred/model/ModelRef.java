package dev.kindred.model;

/** A {@code provider/model} string split in two; the model part may itself contain slashes. */
public record ModelRef(String provider, String model) {
    public ModelRef {
        if (provider.isBlank() || model.isBlank()) {
            throw new IllegalArgumentException("a model is named provider/model");
        }
    }

    public static ModelRef parse(String ref) {
        int slash = ref.indexOf('/');
        if (slash <= 0 || slash == ref.length() - 1) {
            throw new IllegalArgumentException(
                    "'" + ref + "' is not a model name: use provider/model, e.g. anthropic/claude-sonnet-4-5");
        }
        return new ModelRef(ref.substring(0, slash), ref.substring(slash + 1));
    }

    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
