package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.ProfileLoader;

import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every command takes: the profile, overrides and verbosity. */
final class CommonOptions {
    @Option(names = "--conf", paramLabel = "FILE",
            description = "YAML profile (default: conf/local.yaml when present).")
    Path profile;

    @Option(names = "-D", paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. -D tributary.lake.root=/data/lake. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces and Flink's logs.")
    boolean verbose;

    Configuration configuration() {
        return ProfileLoader.load(profile, overrides);
    }
}
