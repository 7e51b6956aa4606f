package dev.kindred.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final Path SHIPPED = Path.of("config/kindred.yaml");

    private static String shipped() throws IOException {
        return Files.readString(SHIPPED);
    }

    @Test
    void shippedConfigLoadsWithEmbeddedDatabaseAndProviders() {
        KindredConfig config = new ConfigLoader(Map.of()).load(SHIPPED);

        assertThat(config.mongodb().embedded()).isTrue();
        assertThat(config.models().providers()).containsKeys("anthropic", "openai", "gemini", "ollama", "openrouter");
        assertThat(config.models().providers().get("openrouter").models()).containsKey("moonshotai/kimi-k2");
        assertThat(config.agents().debounce()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.privacy().guildGracePeriod()).isEqualTo(Duration.ofDays(30));
        assertThat(config.sleeptime().frequency()).isEqualTo(5);
    }

    @Test
    void environmentVariablesOverrideNestedKeysAndLists() throws IOException {
        Map<String, String> env = Map.of(
                "KINDRED_MONGODB_URI", "mongodb://db1,db2/?replicaSet=rs0",
                "KINDRED_AGENTS_MAX_STEPS", "3",
                "KINDRED_DISCORD_ALLOWED_GUILDS", "111, 222",
                "KINDRED_MODELS_PROVIDERS_OLLAMA_BASE_URL", "http://gpu-box:11434/v1");

        KindredConfig config = new ConfigLoader(env).parse(shipped());

        assertThat(config.mongodb().uri()).isEqualTo("mongodb://db1,db2/?replicaSet=rs0");
        assertThat(config.mongodb().embedded()).isFalse();
        assertThat(config.agents().maxSteps()).isEqualTo(3);
        assertThat(config.discord().allowedGuilds()).containsExactly("111", "222");
        assertThat(config.models().providers().get("ollama").baseUrl()).isEqualTo("http://gpu-box:11434/v1");
    }

    @Test
    void outOfRangeValueNamesTheKey() throws IOException {
        String text = shipped().replace("max-steps: 8", "max-steps: 0");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("agents.max-steps")
                .hasMessageContaining("from 1 to 50");
    }

    @Test
    void badEnvironmentOverrideNamesTheKey() throws IOException {
        Map<String, String> env = Map.of("KINDRED_AGENTS_BLOCK_LIMIT", "lots");

        assertThatThrownBy(() -> new ConfigLoader(env).parse(shipped()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("agents.block-limit");
    }

    @Test
    void unknownKeyIsRejectedWithTheKnownOnes() throws IOException {
        String text = shipped().replace("  database: kindred", "  database: kindred\n  databse: typo");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mongodb.databse")
                .hasMessageContaining("unknown key")
                .hasMessageContaining("database");
    }

    @Test
    void missingKeyIsReported() throws IOException {
        String text = shipped().replace("  timezone: UTC\n", "");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("timezone")
                .hasMessageContaining("missing");
    }

    @Test
    void badDurationAndTimeZoneAreExplained() throws IOException {
        assertThatThrownBy(
                        () -> new ConfigLoader(Map.of()).parse(shipped().replace("debounce: 1500ms", "debounce: soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("agents.debounce");
        assertThatThrownBy(() ->
                        new ConfigLoader(Map.of()).parse(shipped().replace("timezone: UTC", "timezone: Mars/Olympus")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("agents.timezone");
    }

    @Test
    void unknownProviderTypeIsRejected() throws IOException {
        String text = shipped().replace("type: gemini", "type: gemeni");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("models.providers.gemini")
                .hasMessageContaining("anthropic, openai, gemini");
    }

    @Test
    void invalidYamlEmptyFileAndMissingFileGiveClearErrors(@org.junit.jupiter.api.io.TempDir Path dir) {
        ConfigLoader loader = new ConfigLoader(Map.of());

        assertThatThrownBy(() -> loader.parse("mongodb: [unclosed")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> loader.parse("")).hasMessageContaining("config is empty");
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
                .hasMessageContaining("not found")
                .hasMessageContaining("KINDRED_CONFIG");
    }
}
