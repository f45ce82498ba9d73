package io.tributary.pipelines.weblogs.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.command.CommonOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdCommandTest {
    @Test
    void theCommandGetsTheBenchsProfileAndOverridesAndItsOwnLandingAndLakeLast() {
        CommonOptions bench = new CommonOptions();
        bench.profile = Path.of("conf/fast.yaml");
        bench.overrides = List.of("tributary.parallelism=1", "tributary.lake.root=/elsewhere");

        List<String> command =
                new ColdCommand(Path.of("bin", "tributary"), bench)
                        .commandLine(Path.of("/scratch/one_day/landing"), Path.of("/scratch/lake"));

        assertThat(command)
                .containsExactly(
                        "bin/tributary",
                        "run",
                        "weblogs",
                        "--mode",
                        "batch",
                        "--conf",
                        "conf/fast.yaml",
                        "-D",
                        "tributary.parallelism=1",
                        "-D",
                        "tributary.lake.root=/elsewhere",
                        "-D",
                        "tributary.landing.root=/scratch/one_day/landing",
                        "-D",
                        "tributary.lake.root=/scratch/lake");
    }

    @Test
    void aMissingLauncherIsSaidBeforeAnythingRuns() {
        assertThat(
                        new ColdCommand(Path.of("no", "such", "launcher"), new CommonOptions())
                                .missing())
                .hasValueSatisfying(why -> assertThat(why).contains("no/such/launcher"));
    }
}
