package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Terraform's security and safety policies, read from the parsed HCL (hcl4j) rather than from
 * formatting: nothing is destroyable with its data by default, query results and access logs live
 * apart from the lake, the checkpoint bucket never expires savepoints or HA metadata, and the Flink
 * role is assumed only by the Flink pods' accounts and reaches only the jobs' buckets.
 */
class TerraformPoliciesITCase {
    private static final Path TERRAFORM = Renderings.HOME.resolve("terraform");

    @Test
    void nothingIsDestroyedWithItsDataUnlessAsked() throws Exception {
        for (String module : List.of("modules/lake", "modules/athena", "envs/dev")) {
            Map<String, Object> variable =
                    block(parse(module + "/variables.tf"), "variable", "force_destroy");
            assertThat(variable.get("default"))
                    .as("%s: force_destroy's default", module)
                    .isEqualTo(false);
        }
        List<String> settings = new ArrayList<>();
        for (String file :
                List.of("modules/lake/main.tf", "modules/athena/main.tf", "envs/dev/main.tf")) {
            Matcher m = Pattern.compile("force_destroy\\s*=\\s*(\\S+)").matcher(text(file));
            while (m.find()) {
                settings.add(file + ": " + m.group(1));
            }
        }
        assertThat(settings)
                .isNotEmpty()
                .allSatisfy(
                        s ->
                                assertThat(s)
                                        .as("set from the variable, never true")
                                        .endsWith("var.force_destroy"));
    }

    @Test
    void queryResultsAndAccessLogsLiveApartFromTheLake() throws Exception {
        Map<String, Object> lake = parse("modules/lake/main.tf");
        Map<String, Object> buckets =
                map(block(lake, "resource", "aws_s3_bucket", "this").get("for_each"));
        assertThat(buckets).containsKeys("landing", "lake", "checkpoints", "athena_results");

        String dev = text("envs/dev/main.tf");
        assertThat(dev).contains("results_bucket = module.lake.bucket_names[\"athena_results\"]");
        Matcher iam = Pattern.compile("(?s)module \"iam\" \\{.*?\\n\\}").matcher(dev);
        assertThat(iam.find()).isTrue();
        assertThat(iam.group())
                .as("the Flink role gets the jobs' buckets only")
                .contains("lake.bucket_arns[\"lake\"]")
                .doesNotContain("athena_results")
                .doesNotContain("bucket_arns         = module.lake.bucket_arns");

        Map<String, Object> logging = block(lake, "resource", "aws_s3_bucket_logging", "this");
        assertThat(logging.get("for_each"))
                .as("every bucket logs its access")
                .hasToString("aws_s3_bucket.this");
        assertThat(logging.get("target_bucket")).hasToString("aws_s3_bucket.access_logs.id");
        Map<String, Object> logEncryption =
                block(
                        lake,
                        "resource",
                        "aws_s3_bucket_server_side_encryption_configuration",
                        "access_logs");
        assertThat(logEncryption.toString()).contains("sse_algorithm=AES256");
        assertThat(block(lake, "data", "aws_iam_policy_document", "access_logs").toString())
                .contains("logging.s3.amazonaws.com")
                .contains("aws:SourceAccount");
    }

    @Test
    void theCheckpointBucketExpiresOnlyRetainedCheckpoints() throws Exception {
        String lake = text("modules/lake/main.tf");
        int lifecycle = lake.indexOf("resource \"aws_s3_bucket_lifecycle_configuration\" \"this\"");
        String rules = lake.substring(lifecycle, lake.indexOf("\n}\n", lifecycle));
        List<String> expiring = new ArrayList<>();
        Matcher dynamic =
                Pattern.compile("(?s)dynamic \"rule\" \\{\\s*for_each = ([^\\n]+)\\n(.*?)\\n  \\}")
                        .matcher(rules);
        while (dynamic.find()) {
            if (dynamic.group(2).contains("expiration {")) {
                expiring.add(dynamic.group(1));
                if (dynamic.group(1).contains("\"checkpoints\"")) {
                    assertThat(dynamic.group(2))
                            .as("savepoints/ and ha/ must outlive any age")
                            .contains("prefix = \"checkpoints/\"");
                }
            }
        }
        assertThat(expiring)
                .as("expiring rules, each limited to one bucket")
                .isNotEmpty()
                .allSatisfy(condition -> assertThat(condition).contains("each.key == "));
        String staticRules = dynamic.replaceAll("");
        assertThat(staticRules)
                .as("no rule for every bucket expires current objects")
                .doesNotContainPattern("(?m)^\\s+expiration \\{");
    }

    @Test
    void theFlinkRoleIsAssumedOnlyByTheFlinkPodsAccounts() throws Exception {
        Map<String, Object> iam = parse("modules/iam/main.tf");
        String trust = block(iam, "data", "aws_iam_policy_document", "trust").toString();
        assertThat(trust).contains("sts:AssumeRoleWithWebIdentity").contains("sts.amazonaws.com");
        assertThat(text("modules/iam/main.tf"))
                .contains(
                        "for sa in var.service_accounts : \"system:serviceaccount:${var.namespace}:${sa}\"");
        assertThat(text("envs/dev/variables.tf"))
                .contains("default     = [\"tributary-jobmanager\", \"tributary-taskmanager\"]");
        List<Map<String, Object>> statements =
                list(block(iam, "data", "aws_iam_policy_document", "flink").get("statement"));
        for (Map<String, Object> statement : statements) {
            assertThat(statement.get("actions").toString())
                    .as("%s: no wildcard action", statement.get("sid"))
                    .doesNotContain("*");
        }
        Map<String, Object> landing =
                statements.stream()
                        .filter(s -> "ReadLanding".equals(s.get("sid")))
                        .findFirst()
                        .orElseThrow();
        assertThat(list(landing.get("actions")))
                .as("landing files are only read")
                .containsExactly("s3:GetObject");
    }

    private static Map<String, Object> parse(String file) throws Exception {
        return new HCLParser().parse(text(file));
    }

    private static String text(String file) throws Exception {
        return Files.readString(TERRAFORM.resolve(file));
    }

    /** A nested block by its labels, e.g. ("resource", "aws_s3_bucket", "this"). */
    private static Map<String, Object> block(Map<String, Object> hcl, String... labels) {
        Object node = hcl;
        for (String label : labels) {
            node = map(node).get(label);
            assertThat(node).as("block %s", String.join(" ", labels)).isNotNull();
        }
        return map(node);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<T>) node;
    }
}
