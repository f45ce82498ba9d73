package io.tributary.serve.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The service's OpenAPI document as a contract: every answer a test gets is checked against the
 * document's route, status, media type and JSON Schema, and the routes checked are counted, so a
 * test class can require that none was left out.
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode doc;
    private final Set<String> covered = new TreeSet<>();

    public OpenApiContract(InputStream yaml) throws Exception {
        this.doc = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        assertThat(doc.path("openapi").asText()).startsWith("3.");
    }

    /** Checks one answer; fails naming what the document does not allow. */
    public synchronized void check(
            String method, String path, int status, String contentType, String body)
            throws Exception {
        String template = template(path);
        JsonNode operation = doc.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isObject()).as("%s %s is in the document", method, template).isTrue();
        JsonNode response = resolve(operation.path("responses").path(Integer.toString(status)));
        assertThat(response.isObject())
                .as("%s %s documents the status %d (body: %s)", method, template, status, body)
                .isTrue();
        covered.add(method + " " + template);
        if (!response.has("content")) {
            assertThat(body).as("%s %s %d has no body", method, template, status).isEmpty();
            return;
        }
        String mediaType = contentType.split(";")[0].trim();
        JsonNode media = response.path("content").path(mediaType);
        assertThat(media.isObject())
                .as("%s %s %d answers %s as documented", method, template, status, mediaType)
                .isTrue();
        if (!mediaType.equals("application/json")) {
            return;
        }
        ObjectNode schema = ((ObjectNode) media.path("schema")).deepCopy();
        // Lets the schema's '#/components/...' references resolve inside it.
        schema.set("components", doc.path("components"));
        Set<ValidationMessage> errors =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(schema)
                        .validate(JSON.readTree(body));
        assertThat(errors.stream().map(ValidationMessage::getMessage).collect(Collectors.toList()))
                .as("%s %s %d: %s", method, template, status, body)
                .isEmpty();
    }

    /** Every route and method of the document that no checked answer came from. */
    public Set<String> uncovered() {
        Set<String> all = new TreeSet<>();
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
            String p = paths.next();
            for (Iterator<String> methods = doc.path("paths").path(p).fieldNames();
                    methods.hasNext(); ) {
                String m = methods.next();
                if (!m.equals("parameters")) {
                    all.add(m.toUpperCase(Locale.ROOT) + " " + p);
                }
            }
        }
        all.removeAll(covered);
        return all;
    }

    private String template(String path) {
        String[] parts = path.split("\\?")[0].split("/", -1);
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            String[] tp = t.split("/", -1);
            if (tp.length != parts.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < tp.length && match; i++) {
                match = tp[i].startsWith("{") || tp[i].equals(parts[i]);
            }
            if (match) {
                return t;
            }
        }
        throw new AssertionError("no route of the document matches " + path);
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            String[] pointer = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = doc;
            for (String p : pointer) {
                target = target.path(p);
            }
            return target;
        }
        return node;
    }
}
