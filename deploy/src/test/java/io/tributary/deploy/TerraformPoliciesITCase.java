package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    void theBucketKeyIsUsableOnlyThroughS3() throws Exception {
        Map<String, Object> lake = parse("modules/lake/main.tf");
        assertThat(block(lake, "resource", "aws_kms_key", "lake")).containsKey("policy");
        assertThat(text("modules/lake/main.tf"))
                .containsPattern("policy += data.aws_iam_policy_document.kms\\[0\\].json");
        List<Map<String, Object>> statements =
                list(block(lake, "data", "aws_iam_policy_document", "kms").get("statement"));
        Map<String, Object> deny =
                statements.stream()
                        .filter(st -> "Deny".equals(st.get("effect")))
                        .findFirst()
                        .orElseThrow();
        assertThat(list(deny.get("actions")))
                .contains("kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt");
        assertThat(deny.get("condition").toString())
                .contains("StringNotEquals")
                .contains("kms:ViaService")
                .contains("s3.");
    }

    @Test
    void eachRoleIsAssumedOnlyByItsOwnFlinkAccounts() throws Exception {
        Map<String, Object> iam = parse("modules/iam/main.tf");
        String trust = block(iam, "data", "aws_iam_policy_document", "trust").toString();
        assertThat(trust).contains("sts:AssumeRoleWithWebIdentity").contains("sts.amazonaws.com");
        assertThat(text("modules/iam/main.tf"))
                .contains(
                        "for sa in each.value.service_accounts : \"system:serviceaccount:${var.namespace}:${sa}\"");
        Map<String, Object> variables = parse("envs/dev/variables.tf");
        assertThat(block(variables, "variable", "streaming_service_accounts").get("default"))
                .isEqualTo(List.of("tributary-jobmanager", "tributary-taskmanager"));
        assertThat(block(variables, "variable", "batch_service_accounts").get("default"))
                .isEqualTo(List.of("tributary-batch-jobmanager", "tributary-batch-taskmanager"));
        assertThat(text("modules/iam/variables.tf"))
                .as("an account assumes one role only")
                .contains("A service account may assume one role only");
    }

    @Test
    void streamingAndBatchRolesGetOnlyWhatTheirJobsDo() throws Exception {
        // hcl4j cannot read all of envs/dev/main.tf (its for-expressions), so the module call
        // alone.
        Matcher call =
                Pattern.compile("(?s)module \"iam\" \\{.*?\\n\\}")
                        .matcher(text("envs/dev/main.tf"));
        assertThat(call.find()).isTrue();
        Map<String, Object> roles =
                map(block(new HCLParser().parse(call.group()), "module", "iam").get("roles"));
        assertThat(roles).containsOnlyKeys("streaming", "batch");
        Map<String, Object> streaming = map(roles.get("streaming"));
        Map<String, Object> batch = map(roles.get("batch"));
        assertThat(streaming.get("read_landing"))
                .as("streaming reads no landing files")
                .isEqualTo(false);
        assertThat(streaming.get("checkpoints")).isEqualTo(true);
        assertThat(batch.get("read_landing")).isEqualTo(true);
        assertThat(batch.get("checkpoints"))
                .as("a bounded job keeps no checkpoints")
                .isEqualTo(false);
        assertThat(batch).as("backfills read no streams").doesNotContainKey("stream_arns");

        String policy = text("modules/iam/main.tf");
        Map<String, Object> document =
                block(parse("modules/iam/main.tf"), "data", "aws_iam_policy_document", "flink");
        List<Map<String, Object>> statements = new ArrayList<>(list(document.get("statement")));
        map(document.get("dynamic"))
                .values()
                .forEach(d -> list(d).forEach(s -> statements.add(map(map(s).get("content")))));
        Map<String, Map<String, Object>> bySid = new TreeMap<>();
        statements.forEach(st -> bySid.put((String) st.get("sid"), st));
        assertThat(bySid)
                .containsOnlyKeys(
                        "ListBuckets",
                        "ReadLanding",
                        "ReadWriteOwnLakePrefixes",
                        "ReadWriteCheckpoints",
                        "UseBucketKey",
                        "GlueCatalog",
                        "ReadStreams",
                        "DecryptStreams");
        bySid.forEach(
                (sid, st) ->
                        assertThat(st.get("actions").toString())
                                .as("%s: no wildcard action, and no right to destroy", sid)
                                .doesNotContain("*")
                                // With versioning on, a delete leaves the object's versions: no
                                // role may remove a version or shorten what protects them.
                                .doesNotContain("Version")
                                .doesNotContain("s3:PutBucket")
                                .doesNotContain("s3:PutLifecycle")
                                .doesNotContain("kms:Schedule"));
        assertThat(list(bySid.get("ReadLanding").get("actions")))
                .as("landing files are only read")
                .containsExactly("s3:GetObject");
        assertThat(list(bySid.get("ReadStreams").get("actions")))
                .as("streams are only read, by polling: no consumer is registered")
                .containsExactlyInAnyOrder(
                        "kinesis:DescribeStreamSummary",
                        "kinesis:ListShards",
                        "kinesis:GetShardIterator",
                        "kinesis:GetRecords");
        assertThat(policy)
                .as("landing and checkpoints only for the roles that say so")
                .contains("for_each = each.value.read_landing ? [1] : []")
                .contains("for_each = each.value.checkpoints ? [1] : []")
                .contains("for_each = length(each.value.stream_arns) > 0 ? [1] : []");
        // hcl4j evaluates a for-expression to nothing without the variables: read the text.
        assertThat(policy)
                .as("the lake is written under the role's prefixes only")
                .containsPattern(
                        "sid = \"ReadWriteOwnLakePrefixes\"(?s:[^}]*)resources = \\[for prefix in"
                                + " each.value.lake_prefixes : \"\\$\\{var.bucket_arns.lake\\}/\\$\\{prefix\\}\\*\"\\]");
        assertThat(policy)
                .as("nothing grants the whole lake")
                .doesNotContain("${var.bucket_arns.lake}/*");
        assertThat(text("modules/iam/variables.tf"))
                .as("the default prefixes: the layers and Tributary's own state")
                .containsPattern(
                        "lake_prefixes += optional\\(list\\(string\\), \\[\"bronze/\", \"silver/\","
                                + " \"gold/\", \"_tributary/\"\\]\\)");
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
