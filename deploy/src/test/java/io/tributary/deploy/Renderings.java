package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every way the project deploys: the chart rendered by real Helm (helm-java) with its defaults and
 * with every pipeline and mode switched on, each kustomize overlay rendered by {@code kubectl
 * kustomize}, and the session-cluster example. The backfill FlinkDeployment a CronJob keeps in a
 * ConfigMap is rendered as the CronJob would apply it.
 */
final class Renderings {
    static final Path HOME = Path.of(System.getProperty("tributary.home", ".."));
    static final Path CHART = HOME.resolve("helm/tributary");
    static final Path MANIFESTS = HOME.resolve("k8s-operator");
    static final String RELEASE = "lake";

    private Renderings() {}

    /** Every rendering by name, its objects with backfill templates expanded. */
    static Map<String, List<JsonNode>> all() throws Exception {
        Map<String, List<JsonNode>> renderings = new LinkedHashMap<>();
        renderings.put("chart with its defaults", withBackfillTemplates(helm(Map.of())));
        renderings.put("chart with everything on", withBackfillTemplates(helm(everythingOn())));
        for (Path overlay : overlays()) {
            renderings.put(
                    "overlay " + overlay.getFileName(), OperatorCrds.documents(kustomize(overlay)));
        }
        List<JsonNode> session = new ArrayList<>();
        for (Path file : yamlFiles(MANIFESTS.resolve("examples/session"))) {
            session.addAll(OperatorCrds.documents(Files.readString(file)));
        }
        renderings.put("session-cluster example", session);
        return renderings;
    }

    /** Every pipeline in both modes, with what each mode requires. */
    static Map<String, String> everythingOn() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pipeline : List.of("weblogs", "cdc", "sre", "retail")) {
            values.put("pipelines." + pipeline + ".streaming.enabled", "true");
            values.put("pipelines." + pipeline + ".backfill.enabled", "true");
        }
        values.put("pipelines.cdc.files.tables-file", "tables: []\n");
        values.put("serve.enabled", "true");
        values.put("pipelines.sre.settings.jdbc.url", "jdbc:mysql://db.internal:3306/sre");
        values.put("pipelines.sre.settings.jdbc.user", "tributary");
        values.put("pipelines.sre.secrets[0].setting", "jdbc.password-file");
        values.put("pipelines.sre.secrets[0].secret", "sre-db");
        values.put("pipelines.sre.secrets[0].key", "password");
        values.put(
                "serviceAccounts.roleArn",
                "arn:aws:iam::123456789012:role/tributary-flink-streaming");
        values.put(
                "serviceAccounts.batchRoleArn",
                "arn:aws:iam::123456789012:role/tributary-flink-batch");
        return values;
    }

    static List<Path> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(MANIFESTS.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    static List<JsonNode> helm(Map<String, String> values) throws Exception {
        TemplateCommand template =
                new Helm(CHART).template().withName(RELEASE).withNamespace("tributary");
        values.forEach(template::set);
        return OperatorCrds.documents(template.call());
    }

    /** Adds the FlinkDeployment each backfill ConfigMap holds, for 30 November 2026. */
    static List<JsonNode> withBackfillTemplates(List<JsonNode> docs) throws Exception {
        List<JsonNode> all = new ArrayList<>(docs);
        for (JsonNode doc : docs) {
            JsonNode template = doc.at("/data/flinkdeployment.yaml");
            if (!template.isMissingNode()) {
                all.addAll(
                        OperatorCrds.documents(
                                template.asText()
                                        .replace("__DAY_COMPACT__", "20261130")
                                        .replace("__DAY__", "2026-11-30")));
            }
        }
        return all;
    }

    static String kustomize(Path dir) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "kubectl (with its built-in kustomize) must be on the PATH for these checks",
                    e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s:%n%s", dir, err).isZero();
        return out;
    }

    static List<JsonNode> kind(List<JsonNode> docs, String kind) {
        return docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind))
                .collect(Collectors.toList());
    }
}
