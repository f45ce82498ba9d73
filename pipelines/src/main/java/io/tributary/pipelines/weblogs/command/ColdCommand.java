package io.tributary.pipelines.weblogs.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.runtime.ReusedPlans;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;

/**
 * The backfill as a user's first command: {@code bin/tributary run weblogs} in a JVM of its own,
 * without the command server, timed from its start to its exit — start-up, the class-data archive's
 * mapping, the JIT's warm-up and both plannings included, which the bench's in-JVM runs share with
 * the 10-line backfill before them. The command gets the bench's profile and overrides.
 */
@Internal
final class ColdCommand {
    private final Path launcher;
    private final CommonOptions settings;

    /**
     * @param launcher {@code bin/tributary}
     * @param settings the bench's profile and overrides, handed on
     */
    ColdCommand(Path launcher, CommonOptions settings) {
        this.launcher = launcher;
        this.settings = settings;
    }

    /** Why the command cannot run here, or empty when it can. */
    Optional<String> missing() {
        if (!Files.isExecutable(launcher)) {
            return Optional.of(
                    "--cold runs "
                            + launcher
                            + ", which is not here: run the bench through bin/tributary, from the"
                            + " checkout");
        }
        return Optional.empty();
    }

    /**
     * Seconds {@code bin/tributary run weblogs} took to backfill {@code landingRoot} into {@code
     * lakeRoot}; its output goes to {@code log}.
     */
    double seconds(Path landingRoot, Path lakeRoot, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(commandLine(landingRoot, lakeRoot))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().put("TRIBUTARY_SERVER", "off");
        // A user's first backfill of a lake finds no job graph kept for it; nor does this one.
        builder.environment()
                .merge(
                        "JAVA_OPTS",
                        "-D" + ReusedPlans.BUILD_PROPERTY + "=",
                        (given, none) -> given + " " + none);
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IOException(
                    "bin/tributary run "
                            + WeblogsPipeline.NAME
                            + " exited with "
                            + exit
                            + "; see "
                            + log);
        }
        return seconds;
    }

    /** The bench's profile and overrides, then the run's landing and lake, which win. */
    @VisibleForTesting
    List<String> commandLine(Path landingRoot, Path lakeRoot) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                launcher.toString(),
                                "run",
                                WeblogsPipeline.NAME,
                                "--mode",
                                "batch"));
        if (settings.profile != null) {
            command.addAll(List.of("--conf", settings.profile.toString()));
        }
        for (String override : settings.overrides) {
            command.addAll(List.of("-D", override));
        }
        command.addAll(List.of("-D", TributaryOptions.LANDING_ROOT.key() + "=" + landingRoot));
        command.addAll(List.of("-D", TributaryOptions.LAKE_ROOT.key() + "=" + lakeRoot));
        return command;
    }
}
