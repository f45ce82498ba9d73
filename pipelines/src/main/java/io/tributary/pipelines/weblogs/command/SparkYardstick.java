package io.tributary.pipelines.weblogs.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.annotation.Internal;

/**
 * The same backfill through Spark 4 with delta-spark, timed the same way (after a warm-up backfill
 * in its JVM): {@code SparkWeblogsBackfill} of the {@code compat-spark} module, in a JVM of its own
 * with that module's test classpath, which the build writes to {@code compat-spark/target}.
 */
@Internal
final class SparkYardstick {
    private static final String MAIN = "io.tributary.compat.spark.SparkWeblogsBackfill";
    private static final Pattern SECONDS = Pattern.compile("^spark-seconds (\\d+(?:\\.\\d+)?)$");

    private final Path module;

    /**
     * @param module the {@code compat-spark} module folder
     */
    SparkYardstick(Path module) {
        this.module = module;
    }

    /** Why Spark cannot run here, or empty when it can. */
    Optional<String> missing() {
        for (Path needed :
                List.of(classpathFile(), optionsFile(), module.resolve("target/test-classes"))) {
            if (!Files.exists(needed)) {
                return Optional.of(
                        needed
                                + " is missing: build the Spark module first"
                                + " (mvn -B -DskipTests package -pl compat-spark -am)");
            }
        }
        return Optional.empty();
    }

    /**
     * Seconds Spark took to backfill {@code landing} after a backfill of {@code warmUp}; its output
     * goes to {@code scratch/spark.log}.
     */
    double seconds(Path warmUp, Path landing, Path scratch)
            throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path log = scratch.resolve("spark.log");
        String classpath =
                module.resolve("target/test-classes")
                        + ":"
                        + Files.readString(classpathFile(), StandardCharsets.UTF_8).trim();
        Process spark =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "@" + optionsFile(),
                                "-cp",
                                classpath,
                                MAIN,
                                warmUp.toString(),
                                landing.toString(),
                                scratch.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        int exit = spark.waitFor();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = SECONDS.matcher(line);
            if (m.matches()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new IOException("Spark's backfill exited with " + exit + " and no time; see " + log);
    }

    private Path classpathFile() {
        return module.resolve("target/spark-classpath.txt");
    }

    private Path optionsFile() {
        return module.resolve("target/spark-bench.options");
    }
}
