package io.tributary.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Flink Kubernetes Operator 1.10's CRDs, as shipped in {@code flink-kubernetes-operator-api}:
 * validates FlinkDeployment and FlinkSessionJob documents against the OpenAPI schema of their API
 * version, as the API server would on {@code kubectl apply}.
 */
final class OperatorCrds {
    static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, String> CRD_FILES =
            Map.of(
                    "FlinkDeployment", "META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml",
                    "FlinkSessionJob", "META-INF/fabric8/flinksessionjobs.flink.apache.org-v1.yml");

    private OperatorCrds() {}

    static boolean isOperatorKind(JsonNode document) {
        return CRD_FILES.containsKey(document.path("kind").asText());
    }

    /** The schema violations of a document; empty when the API server would accept it. */
    static Set<String> violations(JsonNode document) {
        JsonSchema schema =
                schema(document.path("kind").asText(), document.path("apiVersion").asText());
        return schema.validate(document).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
    }

    private static JsonSchema schema(String kind, String apiVersion) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        try (InputStream in =
                OperatorCrds.class.getClassLoader().getResourceAsStream(CRD_FILES.get(kind))) {
            JsonNode crd = YAML.readTree(in);
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("name").asText().equals(version)) {
                    ObjectNode openApi =
                            ((ObjectNode) v.path("schema").path("openAPIV3Schema")).deepCopy();
                    // Every object has these; CRD schemas leave them to the API server.
                    ObjectNode properties = (ObjectNode) openApi.path("properties");
                    properties.putObject("apiVersion").put("type", "string");
                    properties.putObject("kind").put("type", "string");
                    properties.putObject("metadata").put("type", "object");
                    strict(openApi);
                    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                            .getSchema(openApi);
                }
            }
            throw new IllegalArgumentException(
                    "The operator's CRD has no version " + apiVersion + " of " + kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Unknown fields become errors, as with kubectl's strict field validation (the default since
     * Kubernetes 1.27): structural schemas otherwise prune them silently, so a misspelt key would
     * pass here and do nothing on the cluster.
     */
    private static void strict(JsonNode schema) {
        if (schema instanceof ObjectNode) {
            ObjectNode node = (ObjectNode) schema;
            if (node.has("properties")
                    && !node.has("additionalProperties")
                    && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                node.put("additionalProperties", false);
            }
        }
        schema.forEach(OperatorCrds::strict);
    }

    /** Every document of a multi-document YAML text. */
    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    documents.add(doc);
                }
            }
        }
        return documents;
    }
}
