package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When {@code bin/tributary} builds the project before it runs a command: whenever a file the jars
 * are made of is newer than they are, and only then. Run on a copy of the launcher in a checkout of
 * its own, whose {@code mvn} only says it was asked.
 */
class LauncherRebuildITCase {
    private static final Path HOME = Path.of(System.getProperty("tributary.home"));
    private static final Instant BUILT = Instant.parse("2026-01-02T00:00:00Z");

    @TempDir Path checkout;

    @BeforeEach
    void builtCheckout() throws Exception {
        Path launcher = checkout.resolve("bin/tributary");
        Files.createDirectories(launcher.getParent());
        Files.copy(HOME.resolve("bin/tributary"), launcher);
        for (String built :
                List.of(
                        "pipelines/target/tributary-pipelines-0.1.0-SNAPSHOT.jar",
                        "pipelines/target/flink-classpath.txt",
                        "serve/target/tributary-serve-0.1.0-SNAPSHOT.jar")) {
            write(built, BUILT);
        }
        Path mvn = checkout.resolve("tools/mvn");
        Files.createDirectories(mvn.getParent());
        Files.writeString(mvn, "#!/bin/sh\ntouch mvn-was-asked\nexit 3\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @ParameterizedTest(name = "{0} changed: built {1}")
    @CsvSource({
        "pipelines/src/main/java/io/tributary/pipelines/A.java, true",
        "pipelines/src/main/resources/io/tributary/pipelines/weblogs/pipeline.yaml, true",
        "formats/src/main/resources/META-INF/services/org.apache.flink.table.factories.Factory, true",
        "kinesis-connector/src/main/java/io/tributary/connector/kinesis/B.java, true",
        "kinesis-connector/pom.xml, true",
        "pom.xml, true",
        "serve/src/main/resources/io/tributary/serve/openapi.yaml, true",
        "pipelines/src/test/java/io/tributary/pipelines/ATest.java, false",
        "docs/benchmarks.md, false",
        "pipelines/target/classes/io/tributary/pipelines/A.class, false"
    })
    void buildsWhenAFileTheJarsAreMadeOfIsNewer(String changed, boolean built) throws Exception {
        write("pipelines/src/main/java/io/tributary/pipelines/Old.java", BUILT.minusSeconds(60));
        write(changed, BUILT.plusSeconds(60));

        String stderr = launch();

        assertThat(Files.exists(checkout.resolve("mvn-was-asked"))).as(stderr).isEqualTo(built);
        if (built) {
            assertThat(stderr).contains("tributary: building the project", "the build failed");
        }
    }

    private void write(String file, Instant modified) throws Exception {
        Path path = checkout.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "");
        Files.setLastModifiedTime(path, FileTime.from(modified));
    }

    /** Runs {@code tributary --version}: the build, if any, comes before any command. */
    private String launch() throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(checkout.resolve("bin/tributary").toString(), "--version")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(checkout.resolve("err.txt").toFile());
        builder.environment().put("PATH", checkout.resolve("tools") + ":" + System.getenv("PATH"));
        builder.environment().put("TRIBUTARY_SERVER", "off");
        builder.environment().put("TRIBUTARY_CDS", "off");
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher returned").isTrue();
        return Files.readString(checkout.resolve("err.txt"));
    }
}
