package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every rendering (the chart with its defaults and with everything on, each overlay, the
 * session example) must hold, checked on the rendered objects: each pipeline runs at most once per
 * mode, every pod passes Pod Security "restricted" with a pinned image, and each service account
 * gets exactly the rights {@code docs/deploy.md} lists.
 */
class DeploymentPolicyITCase {
    /** A full version (1.30.6, 0.1.0) or a digest: never a tag that moves (latest, 1.30). */
    private static final Pattern PINNED =
            Pattern.compile(".+(:[^:/@]*\\d+\\.\\d+\\.\\d+[^:/@]*|@sha256:[0-9a-f]{64})");

    private static Map<String, List<JsonNode>> renderings;

    @BeforeAll
    static void render() throws Exception {
        renderings = Renderings.all();
    }

    @Test
    void eachPipelineRunsAtMostOncePerModeInEveryRendering() {
        renderings.forEach(
                (name, docs) -> {
                    List<String> jobs = new ArrayList<>();
                    for (JsonNode doc : docs) {
                        if (OperatorCrds.isOperatorKind(doc)
                                && !doc.at("/spec/job").isMissingNode()) {
                            jobs.add(
                                    doc.at("/metadata/labels/tributary.io~1pipeline").asText()
                                            + "/"
                                            + doc.at("/metadata/labels/tributary.io~1mode")
                                                    .asText());
                        }
                    }
                    assertThat(jobs)
                            .as("%s: (pipeline, mode) of its jobs", name)
                            .doesNotHaveDuplicates();
                });
        assertThat(
                        renderings.get("chart with everything on").stream()
                                .filter(OperatorCrds::isOperatorKind)
                                .count())
                .as("the check sees every job the chart can render")
                .isEqualTo(8);
    }

    @Test
    void everyPodPassesPodSecurityRestrictedWithAPinnedImage() {
        renderings.forEach(
                (name, docs) -> {
                    for (JsonNode doc : docs) {
                        String what =
                                name
                                        + ": "
                                        + doc.path("kind").asText()
                                        + "/"
                                        + doc.at("/metadata/name").asText();
                        JsonNode pod = podSpec(doc);
                        if (pod == null) {
                            continue;
                        }
                        JsonNode security = pod.path("securityContext");
                        assertThat(security.path("runAsNonRoot").asBoolean()).as(what).isTrue();
                        assertThat(security.path("runAsUser").asInt()).as(what).isPositive();
                        assertThat(security.at("/seccompProfile/type").asText())
                                .as(what)
                                .isEqualTo("RuntimeDefault");
                        assertThat(pod.path("containers")).as(what).isNotEmpty();
                        for (JsonNode container : pod.path("containers")) {
                            JsonNode c = container.path("securityContext");
                            assertThat(
                                            c.path("allowPrivilegeEscalation").isBoolean()
                                                    && !c.path("allowPrivilegeEscalation")
                                                            .asBoolean())
                                    .as("%s: allowPrivilegeEscalation false", what)
                                    .isTrue();
                            assertThat(c.path("readOnlyRootFilesystem").asBoolean())
                                    .as(what)
                                    .isTrue();
                            assertThat(c.at("/capabilities/drop").toString())
                                    .as(what)
                                    .contains("\"ALL\"");
                            String image =
                                    container.path("image").asText(doc.at("/spec/image").asText());
                            assertThat(image).as("%s: image", what).matches(PINNED);
                        }
                    }
                });
    }

    @Test
    void eachServiceAccountGetsExactlyItsRights() {
        Set<String> jobManager =
                Set.of(
                        "pods:create,delete,get,list,watch",
                        "configmaps:create,delete,get,list,patch,update,watch",
                        "apps/deployments:get",
                        "apps/deployments/finalizers:update");
        Set<String> taskManager = Set.of("configmaps:get,list,watch");
        Map<String, Set<String>> expected =
                Map.of(
                        "jobmanager", jobManager,
                        "taskmanager", taskManager,
                        "batch-jobmanager", jobManager,
                        "batch-taskmanager", taskManager);
        Map<String, Set<String>> backfill =
                Map.of(
                        "backfill",
                        Set.of("flink.apache.org/flinkdeployments:create,delete,get,list,patch"));
        renderings.forEach(
                (name, docs) -> {
                    if (name.startsWith("session")) {
                        return; // the example relies on an overlay's accounts
                    }
                    Map<String, Set<String>> rights = rights(docs);
                    Map<String, Set<String>> want = new TreeMap<>(expected);
                    if (name.startsWith("chart")) {
                        want.putAll(backfill);
                    }
                    assertThat(rights).as("%s: rights by account", name).isEqualTo(want);
                    for (JsonNode doc : docs) {
                        if (OperatorCrds.isOperatorKind(doc)
                                && doc.path("kind").asText().equals("FlinkDeployment")) {
                            // Backfills and streaming jobs run as different accounts, so that
                            // each mode gets its own IAM role.
                            String accounts =
                                    doc.at("/metadata/labels/tributary.io~1mode")
                                                    .asText()
                                                    .equals("batch")
                                            ? "-batch-"
                                            : "^[a-z]+-(?!batch-)";
                            assertThat(doc.at("/spec/serviceAccount").asText())
                                    .as(name)
                                    .containsPattern(accounts + "jobmanager$");
                            assertThat(
                                            doc.at(
                                                            "/spec/flinkConfiguration/kubernetes.taskmanager.service-account")
                                                    .asText())
                                    .as(name)
                                    .containsPattern(accounts + "taskmanager$");
                        }
                    }
                    for (JsonNode cron : Renderings.kind(docs, "CronJob")) {
                        assertThat(
                                        cron.at(
                                                        "/spec/jobTemplate/spec/template/spec/serviceAccountName")
                                                .asText())
                                .endsWith("-backfill");
                    }
                    for (JsonNode account : Renderings.kind(docs, "ServiceAccount")) {
                        if (account.at("/metadata/name").asText().endsWith("-backfill")) {
                            assertThat(
                                            account.at(
                                                            "/metadata/annotations/eks.amazonaws.com~1role-arn")
                                                    .isMissingNode())
                                    .as("%s: the submitter has no AWS role", name)
                                    .isTrue();
                        }
                    }
                });
        for (String name : List.of("chart with everything on", "overlay aws-backfill")) {
            Map<String, String> roleByAccount = new TreeMap<>();
            for (JsonNode a : Renderings.kind(renderings.get(name), "ServiceAccount")) {
                String account = a.at("/metadata/name").asText().replaceFirst("^[a-z]+-", "");
                if (!account.equals("backfill")) {
                    roleByAccount.put(
                            account,
                            a.at("/metadata/annotations/eks.amazonaws.com~1role-arn").asText());
                }
            }
            if (name.startsWith("chart")) {
                assertThat(roleByAccount.remove("serve"))
                        .as("%s: the service reads and writes the lake as the streaming jobs", name)
                        .isEqualTo(roleByAccount.get("jobmanager"));
            }
            assertThat(roleByAccount)
                    .as("%s: IAM role by account", name)
                    .containsOnlyKeys(
                            "jobmanager", "taskmanager", "batch-jobmanager", "batch-taskmanager")
                    .allSatisfy((account, role) -> assertThat(role).startsWith("arn:aws:iam::"));
            assertThat(roleByAccount.get("jobmanager"))
                    .isEqualTo(roleByAccount.get("taskmanager"))
                    .as("%s: backfills and streaming jobs assume different roles", name)
                    .isNotEqualTo(roleByAccount.get("batch-jobmanager"));
            assertThat(roleByAccount.get("batch-jobmanager"))
                    .isEqualTo(roleByAccount.get("batch-taskmanager"));
        }
    }

    @Test
    void networkPoliciesLetEachComponentReachOnlyWhatItNeeds() {
        renderings.forEach(
                (name, docs) -> {
                    if (name.startsWith("session")) {
                        return; // applied beside an overlay, whose policies cover its pods
                    }
                    List<JsonNode> policies = Renderings.kind(docs, "NetworkPolicy");
                    JsonNode flink =
                            policies.stream()
                                    .filter(
                                            p ->
                                                    p.at("/spec/podSelector/matchLabels")
                                                            .toString()
                                                            .equals(
                                                                    "{\"type\":\"flink-native-kubernetes\"}"))
                                    .findFirst()
                                    .orElseThrow(
                                            () ->
                                                    new AssertionError(
                                                            name
                                                                    + ": no policy for the Flink pods"));
                    assertThat(flink.at("/spec/policyTypes").toString())
                            .as("%s: Flink pods deny by default, both ways", name)
                            .contains("Ingress", "Egress");
                    assertThat(flink.at("/spec/egress").toString())
                            .as("%s: Flink pods resolve names", name)
                            .contains("\"port\":53");
                    for (JsonNode policy : policies) {
                        String what = name + ": " + policy.at("/metadata/name").asText();
                        for (JsonNode rule : policy.at("/spec/ingress")) {
                            assertThat(rule.has("from"))
                                    .as("%s: an ingress rule open to every source", what)
                                    .isTrue();
                            for (JsonNode peer : rule.path("from")) {
                                assertThat(peer.has("ipBlock")).as(what).isFalse();
                                if (peer.has("namespaceSelector")) {
                                    assertThat(peer.at("/namespaceSelector/matchLabels").size())
                                            .as("%s: another namespace, named", what)
                                            .isEqualTo(1);
                                    assertThat(rule.path("ports"))
                                            .as("%s: to named ports only", what)
                                            .isNotEmpty();
                                }
                            }
                        }
                    }
                    JsonNode rest =
                            policies.stream()
                                    .filter(
                                            p ->
                                                    p.at("/spec/podSelector/matchLabels/component")
                                                            .asText()
                                                            .equals("jobmanager"))
                                    .findFirst()
                                    .orElseThrow(
                                            () ->
                                                    new AssertionError(
                                                            name + ": no policy for the REST API"));
                    assertThat(
                                    rest.at(
                                                    "/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                                            .asText())
                            .as("%s: only the operator reaches the JobManagers' REST API", name)
                            .isEqualTo("flink-operator");
                    assertThat(rest.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(8081);
                    if (!Renderings.kind(docs, "CronJob").isEmpty()) {
                        assertThat(policies)
                                .as("%s: the backfill submitter's pods are confined too", name)
                                .anyMatch(
                                        p ->
                                                p.at(
                                                                "/spec/podSelector/matchLabels/app.kubernetes.io~1component")
                                                        .asText()
                                                        .equals("backfill"));
                        for (JsonNode cron : Renderings.kind(docs, "CronJob")) {
                            assertThat(
                                            cron.at(
                                                            "/spec/jobTemplate/spec/template/metadata/labels/app.kubernetes.io~1component")
                                                    .asText())
                                    .isEqualTo("backfill");
                        }
                    }
                });
    }

    /**
     * The pod spec of a workload: a FlinkDeployment's pod template, a CronJob's pod; null
     * otherwise.
     */
    private static JsonNode podSpec(JsonNode doc) {
        switch (doc.path("kind").asText()) {
            case "FlinkDeployment":
                return doc.at("/spec/podTemplate/spec");
            case "CronJob":
                return doc.at("/spec/jobTemplate/spec/template/spec");
            case "Deployment":
            case "Job":
            case "StatefulSet":
            case "DaemonSet":
                return doc.at("/spec/template/spec");
            case "Pod":
                return doc.path("spec");
            default:
                return null;
        }
    }

    /**
     * Each account's rights through its RoleBindings, as "group/resource:verbs" (core group
     * unnamed).
     */
    private static Map<String, Set<String>> rights(List<JsonNode> docs) {
        Map<String, JsonNode> roles = new TreeMap<>();
        Renderings.kind(docs, "Role").forEach(r -> roles.put(r.at("/metadata/name").asText(), r));
        Map<String, Set<String>> rights = new TreeMap<>();
        for (JsonNode binding : Renderings.kind(docs, "RoleBinding")) {
            JsonNode role = roles.get(binding.at("/roleRef/name").asText());
            for (JsonNode subject : binding.path("subjects")) {
                String account = subject.path("name").asText().replaceFirst("^[a-z]+-", "");
                Set<String> granted = rights.computeIfAbsent(account, a -> new TreeSet<>());
                for (JsonNode rule : role.path("rules")) {
                    TreeSet<String> verbs = new TreeSet<>();
                    rule.path("verbs").forEach(v -> verbs.add(v.asText()));
                    for (JsonNode group : rule.path("apiGroups")) {
                        for (JsonNode resource : rule.path("resources")) {
                            String prefix = group.asText().isEmpty() ? "" : group.asText() + "/";
                            granted.add(prefix + resource.asText() + ":" + String.join(",", verbs));
                        }
                    }
                }
            }
        }
        return rights;
    }
}
