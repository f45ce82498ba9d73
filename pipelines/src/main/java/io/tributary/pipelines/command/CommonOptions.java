package io.tributary.pipelines.command;

import io.tributary.pipelines.runtime.ProfileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/**
 * Options every command takes: the profile, overrides and verbosity. A pipeline's own commands
 * (generate, bench, report) mix it in with {@code @Mixin CommonOptions common}.
 */
@PublicEvolving
public final class CommonOptions {
    @Option(
            names = "--conf",
            paramLabel = "FILE",
            description = "YAML profile (default: conf/local.yaml when present).")
    public Path profile;

    @Option(
            names = "-D",
            paramLabel = "KEY=VALUE",
            description =
                    "Override one setting, e.g. -D tributary.lake.root=/data/lake. Repeatable.")
    public List<String> overrides = new ArrayList<>();

    @Option(
            names = {"-v", "--verbose"},
            description = "Show stack traces and Flink's logs.")
    public boolean verbose;

    /** The profile with the overrides applied; unknown tributary.* keys are refused. */
    public Configuration configuration() {
        return ProfileLoader.load(profile, overrides);
    }
}
