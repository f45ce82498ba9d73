package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain manifests under {@code k8s-operator/base} and their kustomize renderings for the {@code
 * local} and {@code aws} overlays (rendered by {@code kubectl kustomize}): every FlinkDeployment
 * and FlinkSessionJob fits the operator's CRD schema, runs the job jar's CLI (which exists in the
 * built jar), and streaming jobs keep exactly-once checkpoints, savepoint upgrades and Kubernetes
 * HA.
 */
class OperatorManifestsITCase {
    private static final Path MANIFESTS = Renderings.MANIFESTS;
    static final String JAR_URI = "local:///opt/flink/usrlib/tributary.jar";
    static final String ENTRY_CLASS = "io.tributary.pipelines.cli.TributaryCli";

    @Test
    void everyPlainManifestFitsTheOperatorsSchema() throws Exception {
        List<JsonNode> flink = new ArrayList<>();
        try (Stream<Path> files =
                Stream.of(
                                "base",
                                "components/weblogs-streaming",
                                "components/weblogs-backfill",
                                "examples/session")
                        .flatMap(OperatorManifestsITCase::list)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml"))
                            .sorted()
                            .collect(Collectors.toList())) {
                for (JsonNode doc : OperatorCrds.documents(Files.readString(file))) {
                    if (OperatorCrds.isOperatorKind(doc)) {
                        assertThat(OperatorCrds.violations(doc)).as("%s", file).isEmpty();
                        flink.add(doc);
                    }
                }
            }
        }
        assertThat(flink)
                .extracting(
                        d ->
                                d.path("kind").asText()
                                        + "/"
                                        + d.path("metadata").path("name").asText())
                .contains(
                        "FlinkDeployment/tributary-weblogs-streaming",
                        "FlinkDeployment/tributary-weblogs-backfill",
                        "FlinkDeployment/tributary-session",
                        "FlinkSessionJob/tributary-weblogs-session-job");
        flink.forEach(OperatorManifestsITCase::assertRunsTributary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "local-backfill", "aws", "aws-backfill"})
    void everyOverlayRendersToManifestsThatFitTheSchema(String overlay) throws Exception {
        List<JsonNode> docs =
                OperatorCrds.documents(
                        Renderings.kustomize(MANIFESTS.resolve("overlays").resolve(overlay)));
        List<JsonNode> flink =
                docs.stream().filter(OperatorCrds::isOperatorKind).collect(Collectors.toList());
        assertThat(flink).as("one scenario per overlay").hasSize(1);
        for (JsonNode doc : flink) {
            assertThat(OperatorCrds.violations(doc))
                    .as("%s in overlay %s", doc.path("metadata").path("name"), overlay)
                    .isEmpty();
            assertThat(doc.path("metadata").path("namespace").asText()).isEqualTo("tributary");
            assertRunsTributary(doc);
        }
        JsonNode streaming = flink.get(0);
        if (overlay.startsWith("local")) {
            assertThat(streaming.at("/spec/flinkConfiguration/s3.endpoint").asText())
                    .startsWith("http://minio");
            assertThat(
                            streaming
                                    .at(
                                            "/spec/podTemplate/spec/containers/0/envFrom/0/secretRef/name")
                                    .asText())
                    .isEqualTo("minio-credentials");
        } else {
            assertThat(Renderings.kind(docs, "ServiceAccount"))
                    .hasSize(4)
                    .allSatisfy(
                            account ->
                                    assertThat(
                                                    account.at(
                                                                    "/metadata/annotations/eks.amazonaws.com~1role-arn")
                                                            .asText())
                                            .startsWith("arn:aws:iam::"));
            assertThat(streaming.at("/spec/image").asText()).contains(".dkr.ecr.");
        }
        if (overlay.equals("aws")) {
            assertThat(
                            streaming
                                    .at("/spec/flinkConfiguration/execution.checkpointing.dir")
                                    .asText())
                    .isEqualTo("s3://acme-tributary-dev-checkpoints/checkpoints/weblogs");
        }
    }

    @Test
    void theValidationCatchesMistakesTheClusterWould() throws Exception {
        String streaming =
                Files.readString(
                        MANIFESTS.resolve("components/weblogs-streaming/weblogs-streaming.yaml"));
        JsonNode unquoted =
                OperatorCrds.documents(
                                streaming.replace(
                                        "metrics.reporter.prom.port: \"9249\"",
                                        "metrics.reporter.prom.port: 9249"))
                        .get(0);
        assertThat(OperatorCrds.violations(unquoted))
                .as("flinkConfiguration values are strings")
                .isNotEmpty();
        JsonNode misspelt =
                OperatorCrds.documents(
                                streaming.replace(
                                        "upgradeMode: savepoint", "upgradeMod: savepoint"))
                        .get(0);
        assertThat(OperatorCrds.violations(misspelt)).as("an unknown field").isNotEmpty();
        JsonNode badMode =
                OperatorCrds.documents(
                                streaming.replace(
                                        "upgradeMode: savepoint", "upgradeMode: snapshot"))
                        .get(0);
        assertThat(OperatorCrds.violations(badMode)).as("an unknown upgrade mode").isNotEmpty();
    }

    @Test
    void theEntryClassIsInTheJobJar() throws Exception {
        Path jar = Path.of(System.getProperty("tributary.jar"));
        assertThat(jar).as("the shaded job jar (built by the pipelines module)").exists();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(loader.getResource(ENTRY_CLASS.replace('.', '/') + ".class")).isNotNull();
        }
    }

    /**
     * The job runs the CLI from the image's jar; streaming jobs checkpoint exactly once and upgrade
     * by savepoint.
     */
    static void assertRunsTributary(JsonNode doc) {
        String name = doc.at("/metadata/name").asText();
        JsonNode job = doc.at("/spec/job");
        if (job.isMissingNode()) {
            assertThat(doc.at("/spec/flinkConfiguration/high-availability.type").asText())
                    .as(name)
                    .isEqualTo("kubernetes");
            return; // a session cluster
        }
        assertThat(job.path("jarURI").asText()).as(name).isEqualTo(JAR_URI);
        assertThat(job.path("entryClass").asText()).as(name).isEqualTo(ENTRY_CLASS);
        List<String> args = new ArrayList<>();
        job.path("args").forEach(a -> args.add(a.asText()));
        assertThat(args.subList(0, 4))
                .as(name)
                .containsExactly(
                        "run",
                        doc.at("/metadata/labels/tributary.io~1pipeline").asText(),
                        "--mode",
                        doc.at("/metadata/labels/tributary.io~1mode").asText());
        JsonNode conf = doc.at("/spec/flinkConfiguration");
        if (args.get(3).equals("streaming")) {
            assertThat(job.path("upgradeMode").asText()).as(name).isEqualTo("savepoint");
            assertThat(conf.path("execution.checkpointing.mode").asText())
                    .as(name)
                    .isEqualTo("EXACTLY_ONCE");
            assertThat(conf.path("execution.checkpointing.interval").asText())
                    .as(name)
                    .isNotEmpty();
            assertThat(conf.path("execution.checkpointing.dir").asText())
                    .as(name)
                    .startsWith("s3://");
            assertThat(conf.path("execution.checkpointing.savepoint-dir").asText())
                    .as(name)
                    .startsWith("s3://");
            assertThat(conf.path("restart-strategy.type").asText()).as(name).isNotEmpty();
            if (doc.path("kind").asText().equals("FlinkDeployment")) {
                assertThat(conf.path("high-availability.type").asText())
                        .as(name)
                        .isEqualTo("kubernetes");
                assertThat(conf.path("high-availability.storageDir").asText())
                        .as(name)
                        .startsWith("s3://");
            }
        } else {
            assertThat(conf.path("execution.runtime-mode").asText()).as(name).isEqualTo("BATCH");
            assertThat(job.path("upgradeMode").asText()).as(name).isEqualTo("stateless");
        }
    }

    /**
     * A job's CLI arguments, e.g. {@code run weblogs --mode streaming}; none for a session cluster.
     */
    static List<String> args(JsonNode doc) {
        List<String> args = new ArrayList<>();
        doc.at("/spec/job/args").forEach(a -> args.add(a.asText()));
        return args;
    }

    static JsonNode named(List<JsonNode> docs, String name) {
        return docs.stream()
                .filter(d -> d.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Stream<Path> list(String dir) {
        try {
            return Renderings.yamlFiles(MANIFESTS.resolve(dir)).stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
