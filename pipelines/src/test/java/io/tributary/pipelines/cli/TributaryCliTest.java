package io.tributary.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.Pipelines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TributaryCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void unknownPipelineIsAReadableErrorWithAFix() {
        assertThat(execute("run", "nope")).isEqualTo(2);
        assertThat(err.toString())
                .contains("error: Unknown pipeline 'nope'")
                .contains("fix:")
                .doesNotContain("at io.tributary");
    }

    @Test
    void theCdcPipelineAsksForItsTablesFile() {
        assertThat(execute("run", "cdc", "--mode", "streaming")).isEqualTo(2);
        assertThat(err.toString())
                .contains("error: tributary.cdc.tables-file is not set")
                .contains("list the captured tables in a YAML file");
    }

    @Test
    void aMisspeltSettingIsRefusedNamingTheNearestKey() {
        assertThat(execute("run", "sre", "-D", "tributary.sre.jdbc.username=sre")).isEqualTo(2);
        assertThat(err.toString())
                .contains("error: Unknown setting 'tributary.sre.jdbc.username'")
                .contains("did you mean tributary.sre.jdbc.user?");
    }

    @Test
    void settingsOutsideTributaryAndKafkaClientPropertiesPass() {
        CommandLine cli = TributaryCli.commandLine();
        assertThat(
                        cli.execute(
                                "config",
                                "-D",
                                "tributary.kafka.properties.security.protocol=SSL",
                                "-D",
                                "taskmanager.numberOfTaskSlots=2"))
                .isZero();
    }

    @Test
    void helpTextsListEveryRegisteredPipeline() {
        String runHelp = TributaryCli.commandLine().getSubcommands().get("run").getUsageMessage();
        String generateHelp =
                TributaryCli.commandLine().getSubcommands().get("generate").getUsageMessage();
        for (String name : Pipelines.names()) {
            assertThat(runHelp).contains(name);
        }
        assertThat(generateHelp).contains("weblogs", "sre");
        assertThat(TributaryCli.commandLine().getSubcommands().get("bench").getUsageMessage())
                .contains("weblogs", "sre", "retail", "delta-log");
    }

    @Test
    void everyCommandPrintsItsHelpWhenAskedTheUsualWay() {
        assertThat(execute("demo", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: tributary demo", "--pipelines=NAME");
        assertThat(execute("bench", "weblogs", "-h")).isZero();
        assertThat(out.toString()).contains("Usage: tributary bench weblogs");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theDemoRunsOnlyTheStepsOfThePipelinesItIsGiven() {
        assertThat(demoSteps("--pipelines", "cdc,weblogs"))
                .containsExactly("WeblogsDemo", "WeblogsStreamingDemo", "CdcDemo");
        assertThat(demoSteps("--pipelines", "weblogs", "--no-streaming"))
                .containsExactly("WeblogsDemo");
        assertThat(demoSteps()).contains("SreDemo", "RetailDemo", "MetricsDemo", "CdcDemo");
    }

    private static List<String> demoSteps(String... args) {
        CommandLine cli = TributaryCli.commandLine();
        List<String> line = new ArrayList<>(List.of("demo"));
        line.addAll(List.of(args));
        cli.parseArgs(line.toArray(String[]::new));
        return cli.getSubcommands().get("demo").<DemoCommand>getCommand().stepsToRun().stream()
                .map(s -> s.getClass().getSimpleName())
                .collect(Collectors.toList());
    }

    @Test
    void theDemoRefusesAPipelineThatIsNotRegistered() {
        assertThat(execute("demo", "--pipelines", "weblogs,retial")).isEqualTo(2);
        assertThat(err.toString()).contains("error: Unknown pipeline 'retial'", "retail");
    }

    @Test
    void aGroupCommandWithoutAPipelineSaysWhichThereAre() {
        assertThat(execute("generate")).isEqualTo(2);
        assertThat(err.toString()).contains("Say which: ").contains("weblogs").contains("sre");
    }

    private int execute(String... args) {
        CommandLine cli = TributaryCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }
}
