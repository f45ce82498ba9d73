package io.tributary.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The service's /openapi.yaml is a valid OpenAPI 3.1 document (swagger-parser's validation). */
class OpenApiDocumentTest {
    @Test
    void theDocumentIsValidOpenApi31() throws Exception {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/io/tributary/serve/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths())
                .containsKeys(
                        "/metrics",
                        "/metadata",
                        "/predict",
                        "/slas",
                        "/slas/{id}",
                        "/slas/{id}/violations",
                        "/slas/{id}/predictions",
                        "/healthz",
                        "/openapi.yaml",
                        "/service/metrics",
                        "/");
    }
}
