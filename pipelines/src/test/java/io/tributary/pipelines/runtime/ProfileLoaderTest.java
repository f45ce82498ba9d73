package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
    @TempDir Path dir;

    @Test
    void nestedYamlBecomesDottedKeysAndOverridesWin() throws Exception {
        Path profile =
                Files.writeString(
                        dir.resolve("p.yaml"),
                        "tributary:\n  lake:\n    root: s3://bucket/lake\n  parallelism: 4\nparallelism.default: 3\n");
        Configuration conf =
                ProfileLoader.load(profile, List.of("tributary.parallelism=8", "x.y = z"));
        assertThat(conf.get(TributaryOptions.LAKE_ROOT)).isEqualTo("s3://bucket/lake");
        assertThat(conf.get(TributaryOptions.PARALLELISM)).isEqualTo(8);
        assertThat(conf.getString("parallelism.default", null)).isEqualTo("3");
        assertThat(conf.getString("x.y", null)).isEqualTo("z");
        assertThat(conf.get(TributaryOptions.LANDING_ROOT)).isEqualTo("./tributary-data/landing");
    }

    @Test
    void mistakesNameTheProblemAndTheFix() throws Exception {
        assertThatThrownBy(() -> ProfileLoader.load(dir.resolve("missing.yaml"), List.of()))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ProfileLoader.load(dir.resolve("missing.yaml"), List.of()))
                .satisfies(e -> assertThat(((ConfigurationError) e).fix()).contains("--conf"));
        assertThatThrownBy(() -> ProfileLoader.load(null, List.of("novalue")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("not key=value");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "tributary: [unclosed\n");
        assertThatThrownBy(() -> ProfileLoader.load(broken, List.of()))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("Cannot read profile");
    }
}
