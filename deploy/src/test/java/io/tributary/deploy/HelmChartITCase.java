package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code helm/tributary}, linted and rendered by real Helm (helm-java runs Helm's Go library):
 * every FlinkDeployment it renders — the streaming jobs and the backfill the CronJob creates — fits
 * the operator's CRD schema and runs the job jar's CLI, and the values switch the parts on and off
 * as documented.
 */
class HelmChartITCase {
    private static final Path CHART = Renderings.CHART;

    @Test
    void theChartLints() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed())
                .as("helm lint --strict:%n%s", String.join("\n", lint.getMessages()))
                .isFalse();
    }

    @Test
    void theDefaultsRenderAStreamingJobABackfillScheduleAndMonitoring() throws Exception {
        List<JsonNode> docs = render(Map.of());
        JsonNode streaming = OperatorManifestsITCase.named(docs, "lake-weblogs-streaming");
        assertThat(OperatorCrds.violations(streaming)).isEmpty();
        OperatorManifestsITCase.assertRunsTributary(streaming);
        assertThat(streaming.at("/spec/flinkConfiguration/execution.checkpointing.dir").asText())
                .isEqualTo("s3://tributary-checkpoints/checkpoints/weblogs");
        assertThat(streaming.at("/spec/job/parallelism").asInt()).isEqualTo(2);

        JsonNode cron = kind(docs, "CronJob").get(0);
        assertThat(cron.at("/spec/schedule").asText()).isEqualTo("30 1 * * *");
        String template =
                OperatorManifestsITCase.named(docs, "lake-weblogs-backfill")
                        .at("/data/flinkdeployment.yaml")
                        .asText();
        String script =
                cron.at("/spec/jobTemplate/spec/template/spec/containers/0/args/0").asText();
        assertThat(script)
                .contains("__DAY_COMPACT__")
                .contains("__DAY__")
                .contains("kubectl apply -f -");
        // What the CronJob's sed makes of it for 30 November 2026:
        JsonNode backfill =
                OperatorCrds.documents(
                                template.replace("__DAY_COMPACT__", "20261130")
                                        .replace("__DAY__", "2026-11-30"))
                        .get(0);
        assertThat(OperatorCrds.violations(backfill)).isEmpty();
        OperatorManifestsITCase.assertRunsTributary(backfill);
        assertThat(backfill.at("/metadata/name").asText())
                .isEqualTo("lake-weblogs-backfill-20261130");
        assertThat(backfill.at("/spec/job/args").toString())
                .contains("tributary.landing.root=s3://tributary-landing/2026-11-30");

        assertThat(kind(docs, "PodMonitor")).hasSize(1);
        assertThat(
                        OperatorManifestsITCase.named(docs, "lake-profile")
                                .at("/data/profile.yaml")
                                .asText())
                .contains("root: s3://tributary-lake")
                .contains("bootstrap-servers: kafka.kafka.svc:9092");
        assertThat(kind(docs, "ServiceAccount").get(0).at("/metadata/annotations").isMissingNode())
                .isTrue();
    }

    @Test
    void theDashboardShowsPipelineHealth() throws Exception {
        JsonNode map = OperatorManifestsITCase.named(render(Map.of()), "lake-dashboard");
        assertThat(map.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = new ObjectMapper().readTree(map.at("/data/tributary.json").asText());
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(p -> titles.add(p.path("title").asText()));
        assertThat(String.join(" | ", titles).toLowerCase())
                .contains(
                        "records in / out",
                        "rejects",
                        "checkpoint duration",
                        "commit latency",
                        "table versions",
                        "freshness");
        dashboard
                .path("panels")
                .forEach(
                        p ->
                                assertThat(p.path("targets"))
                                        .as(p.path("title").asText())
                                        .isNotEmpty());
    }

    @Test
    void valuesSwitchThePartsAndSetTheAwsIdentity() throws Exception {
        List<JsonNode> aws =
                render(
                        Map.of(
                                "serviceAccounts.roleArn",
                                "arn:aws:iam::123456789012:role/tributary-flink",
                                "s3.endpoint",
                                "http://minio.minio.svc:9000",
                                "s3.pathStyleAccess",
                                "true",
                                "s3.credentialsSecret",
                                "minio-credentials",
                                "pipelines.weblogs.streaming.parallelism",
                                "8"));
        assertThat(
                        kind(aws, "ServiceAccount")
                                .get(0)
                                .at("/metadata/annotations")
                                .path("eks.amazonaws.com/role-arn")
                                .asText())
                .isEqualTo("arn:aws:iam::123456789012:role/tributary-flink");
        JsonNode streaming = OperatorManifestsITCase.named(aws, "lake-weblogs-streaming");
        assertThat(OperatorCrds.violations(streaming)).isEmpty();
        assertThat(streaming.at("/spec/flinkConfiguration/s3.endpoint").asText())
                .isEqualTo("http://minio.minio.svc:9000");
        assertThat(streaming.at("/spec/flinkConfiguration/s3.path.style.access").asText())
                .isEqualTo("true");
        assertThat(
                        streaming
                                .at("/spec/podTemplate/spec/containers/0/envFrom/0/secretRef/name")
                                .asText())
                .isEqualTo("minio-credentials");
        assertThat(streaming.at("/spec/job/parallelism").asInt()).isEqualTo(8);

        List<JsonNode> off =
                render(
                        Map.of(
                                "pipelines.weblogs.streaming.enabled",
                                "false",
                                "pipelines.weblogs.backfill.enabled",
                                "false",
                                "monitoring.podMonitor.enabled",
                                "false",
                                "monitoring.grafanaDashboard.enabled",
                                "false"));
        assertThat(off.stream().map(d -> d.path("kind").asText()).collect(Collectors.toSet()))
                .doesNotContain("FlinkDeployment", "CronJob", "PodMonitor");
    }

    @Test
    void theCdcPipelineRunsWithItsTablesFileAndNotWithout() throws Exception {
        String tables =
                "tables:\n  - source: public.orders\n    domain: shop\n    topic: cdc.orders\n"
                        + "    format: debezium-json\n    primary-key: [id]\n    columns:\n      id: BIGINT\n";
        List<JsonNode> docs =
                render(
                        Map.of(
                                "pipelines.cdc.streaming.enabled",
                                "true",
                                "pipelines.cdc.files.tables-file",
                                tables));
        JsonNode cdc = OperatorManifestsITCase.named(docs, "lake-cdc-streaming");
        assertThat(OperatorCrds.violations(cdc)).isEmpty();
        OperatorManifestsITCase.assertRunsTributary(cdc);
        JsonNode profile = OperatorManifestsITCase.named(docs, "lake-profile");
        assertThat(profile.at("/data/profile.yaml").asText())
                .contains("  cdc:\n    tables-file: \"/opt/tributary/profile/cdc.tables-file\"")
                .doesNotContain("sre:");
        assertThat(profile.at("/data/cdc.tables-file").asText()).isEqualTo(tables);

        assertThatThrownBy(() -> render(Map.of("pipelines.cdc.streaming.enabled", "true")))
                .hasMessageContaining("pipelines.cdc.streaming needs tributary.cdc.tables-file");
    }

    @Test
    void theSrePipelineReadsItsDatabaseWithThePasswordFromASecret() throws Exception {
        Map<String, String> values =
                Map.of(
                        "pipelines.sre.backfill.enabled",
                        "true",
                        "pipelines.sre.streaming.enabled",
                        "true",
                        "pipelines.sre.settings.jdbc.url",
                        "jdbc:mysql://db.internal:3306/sre",
                        "pipelines.sre.settings.jdbc.user",
                        "tributary",
                        "pipelines.sre.secrets[0].setting",
                        "jdbc.password-file",
                        "pipelines.sre.secrets[0].secret",
                        "sre-db",
                        "pipelines.sre.secrets[0].key",
                        "password");
        List<JsonNode> docs = render(values);
        JsonNode streaming = OperatorManifestsITCase.named(docs, "lake-sre-streaming");
        assertThat(OperatorCrds.violations(streaming)).isEmpty();
        OperatorManifestsITCase.assertRunsTributary(streaming);
        assertThat(streaming.at("/spec/job/args").toString())
                .contains("\"run\",\"sre\",\"--mode\",\"streaming\"");
        assertThat(streaming.at("/spec/podTemplate/spec/volumes").toString())
                .contains("\"secretName\":\"sre-db\"");
        assertThat(streaming.at("/spec/podTemplate/spec/containers/0/volumeMounts").toString())
                .contains("/opt/tributary/secrets/sre/sre-db");
        assertThat(
                        OperatorManifestsITCase.named(docs, "lake-weblogs-streaming")
                                .at("/spec/podTemplate")
                                .toString())
                .as("another pipeline's pods do not mount the SRE database's Secret")
                .doesNotContain("sre-db");
        String profile =
                OperatorManifestsITCase.named(docs, "lake-profile")
                        .at("/data/profile.yaml")
                        .asText();
        assertThat(profile)
                .contains(
                        "url: \"jdbc:mysql://db.internal:3306/sre\"",
                        "user: \"tributary\"",
                        "jdbc.password-file: \"/opt/tributary/secrets/sre/sre-db/password\"")
                .doesNotContain("password:");
        JsonNode template =
                OperatorCrds.documents(
                                OperatorManifestsITCase.named(docs, "lake-sre-backfill")
                                        .at("/data/flinkdeployment.yaml")
                                        .asText())
                        .get(0);
        assertThat(OperatorCrds.violations(template)).isEmpty();
        assertThat(template.at("/spec/job/args").toString())
                .contains("\"run\",\"sre\",\"--mode\",\"batch\"");

        assertThatThrownBy(() -> render(Map.of("pipelines.sre.backfill.enabled", "true")))
                .hasMessageContaining("pipelines.sre.backfill needs tributary.sre.jdbc.url");
    }

    @Test
    void kafkaCredentialsComeFromASecretAndNeverFromThePlainValues() throws Exception {
        List<JsonNode> docs =
                render(
                        Map.of(
                                "kafka.properties.security\\.protocol",
                                "SASL_SSL",
                                "kafka.propertiesSecret.name",
                                "kafka-client",
                                "kafka.propertiesSecret.key",
                                "client.properties"));
        String profile =
                OperatorManifestsITCase.named(docs, "lake-profile")
                        .at("/data/profile.yaml")
                        .asText();
        assertThat(profile)
                .contains("security.protocol: SASL_SSL")
                .contains(
                        "properties-file: /opt/tributary/secrets/kafka/kafka-client/client.properties");
        JsonNode streaming = OperatorManifestsITCase.named(docs, "lake-weblogs-streaming");
        assertThat(streaming.at("/spec/podTemplate/spec/volumes").toString())
                .contains("\"secretName\":\"kafka-client\"");
        assertThat(streaming.at("/spec/podTemplate/spec/containers/0/volumeMounts").toString())
                .contains("/opt/tributary/secrets/kafka/kafka-client");
        String backfill =
                OperatorManifestsITCase.named(docs, "lake-weblogs-backfill")
                        .at("/data/flinkdeployment.yaml")
                        .asText();
        assertThat(backfill).as("a backfill reads no Kafka").doesNotContain("kafka-client");

        assertThatThrownBy(
                        () ->
                                render(
                                        Map.of(
                                                "kafka.properties.sasl\\.jaas\\.config",
                                                "ScramLoginModule required password=x;")))
                .hasMessageContaining("kafka.properties.sasl.jaas.config looks like a credential");
    }

    @Test
    void aPipelineReadsKinesisWithItsRoleAndNeverWithKeysInTheValues() throws Exception {
        String arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/lake-weblogs-lines";
        List<JsonNode> docs =
                render(
                        Map.of(
                                "kinesis.region", "eu-west-1",
                                "kinesis.properties.source\\.shard\\.discovery\\.interval", "30s",
                                "pipelines.weblogs.settings.source", "kinesis",
                                "pipelines.weblogs.settings.stream", arn));
        String profile =
                OperatorManifestsITCase.named(docs, "lake-profile")
                        .at("/data/profile.yaml")
                        .asText();
        assertThat(profile)
                .contains(
                        "  kinesis:\n    region: \"eu-west-1\"\n    initial-position: TRIM_HORIZON")
                .contains("source.shard.discovery.interval: 30s")
                .contains("  weblogs:\n    source: \"kinesis\"\n    stream: \"" + arn + "\"");

        assertThatThrownBy(
                        () ->
                                render(
                                        Map.of(
                                                "kinesis.properties.aws\\.credentials\\.basic\\.secretkey",
                                                "abc")))
                .hasMessageContaining(
                        "kinesis.properties.aws.credentials.basic.secretkey would put AWS credentials");
    }

    @Test
    void theChartAndThePlainManifestsGiveFlinkTheSameSettings() throws Exception {
        List<JsonNode> chart = render(Map.of());
        Path components = Renderings.MANIFESTS.resolve("components");
        JsonNode manifestStream =
                OperatorCrds.documents(
                                Files.readString(
                                        components.resolve(
                                                "weblogs-streaming/weblogs-streaming.yaml")))
                        .get(0);
        JsonNode manifestBackfill =
                OperatorCrds.documents(
                                Files.readString(
                                        components.resolve(
                                                "weblogs-backfill/weblogs-backfill.yaml")))
                        .get(0);
        JsonNode chartStream = OperatorManifestsITCase.named(chart, "lake-weblogs-streaming");
        JsonNode chartBackfill =
                OperatorCrds.documents(
                                OperatorManifestsITCase.named(chart, "lake-weblogs-backfill")
                                        .at("/data/flinkdeployment.yaml")
                                        .asText())
                        .get(0);

        for (String part :
                List.of(
                        "/spec/flinkConfiguration",
                        "/spec/jobManager/resource",
                        "/spec/taskManager/resource")) {
            assertThat(settings(chartStream.at(part)))
                    .as("streaming %s", part)
                    .isEqualTo(settings(manifestStream.at(part)));
            assertThat(settings(chartBackfill.at(part)))
                    .as("backfill %s", part)
                    .isEqualTo(settings(manifestBackfill.at(part)));
        }
        assertThat(chartStream.at("/spec/job/upgradeMode"))
                .isEqualTo(manifestStream.at("/spec/job/upgradeMode"));
        assertThat(chartStream.at("/spec/job/parallelism"))
                .isEqualTo(manifestStream.at("/spec/job/parallelism"));
    }

    /**
     * A settings object as text values by key: "2" and 2 are the same setting to Flink. Account
     * names start with the release's name, so only what follows it is compared.
     */
    private static Map<String, String> settings(JsonNode object) {
        Map<String, String> byKey = new java.util.TreeMap<>();
        object.fields()
                .forEachRemaining(
                        e ->
                                byKey.put(
                                        e.getKey(),
                                        e.getValue()
                                                .asText()
                                                .replaceFirst("^(lake|tributary)-", "")));
        return byKey;
    }

    @Test
    void theServiceRunsTheServeCommandFromTheJobImageBehindAService() throws Exception {
        List<JsonNode> docs =
                render(
                        Map.of(
                                "serve.enabled",
                                "true",
                                "serve.port",
                                "9090",
                                "s3.endpoint",
                                "http://minio.minio.svc:9000",
                                "serviceAccounts.roleArn",
                                "arn:aws:iam::123456789012:role/tributary-flink"));
        JsonNode deployment = OperatorManifestsITCase.named(kind(docs, "Deployment"), "lake-serve");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        String classpath = args.get(args.indexOf("-cp") + 1);
        String dockerfile = Files.readString(Renderings.HOME.resolve("Dockerfile"));
        for (String jar : classpath.split(":")) {
            if (!jar.startsWith("/opt/flink/lib")) {
                assertThat(dockerfile).as("the image holds %s", jar).contains(" " + jar);
            }
        }
        assertThat(args)
                .containsSubsequence(
                        "io.tributary.pipelines.cli.TributaryCli",
                        "serve",
                        "--conf",
                        "/opt/tributary/profile/profile.yaml",
                        "--port",
                        "9090")
                .contains("s3.endpoint=http://minio.minio.svc:9000");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(9090);
        assertThat(pod.at("/serviceAccountName").asText()).isEqualTo("lake-serve");
        assertThat(pod.at("/volumes/0/configMap/name").asText()).isEqualTo("lake-profile");

        JsonNode service = OperatorManifestsITCase.named(kind(docs, "Service"), "lake-serve");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(9090);
        assertThat(service.at("/spec/selector"))
                .isEqualTo(deployment.at("/spec/selector/matchLabels"));
        deployment
                .at("/spec/selector/matchLabels")
                .fields()
                .forEachRemaining(
                        label ->
                                assertThat(
                                                deployment
                                                        .at("/spec/template/metadata/labels")
                                                        .path(label.getKey()))
                                        .isEqualTo(label.getValue()));
        assertThat(service.at("/metadata/annotations/prometheus.io~1path").asText())
                .isEqualTo("/service/metrics");

        assertThat(render(Map.of()).stream().map(d -> d.at("/metadata/name").asText()))
                .as("off by default")
                .doesNotContain("lake-serve");
        assertThatThrownBy(
                        () -> render(Map.of("serve.enabled", "true", "pipelines.metrics", "null")))
                .hasMessageContaining("serve.enabled needs pipelines.metrics");
    }

    @Test
    void everyValuesKeyHasAComment() throws Exception {
        List<String> uncommented =
                Files.readAllLines(CHART.resolve("values.yaml")).stream()
                        .filter(l -> l.matches("^\\s*[A-Za-z][\\w.-]*:.*"))
                        .filter(l -> !l.contains("#"))
                        .collect(Collectors.toList());
        assertThat(uncommented).as("values keys without a comment").isEmpty();
    }

    private static List<JsonNode> render(Map<String, String> values) throws Exception {
        return Renderings.helm(values);
    }

    private static List<JsonNode> kind(List<JsonNode> docs, String kind) {
        return Renderings.kind(docs, kind);
    }
}
