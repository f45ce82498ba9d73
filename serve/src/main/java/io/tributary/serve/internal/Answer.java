package io.tributary.serve.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer: status, content type, body and extra headers. */
@Internal
final class Answer {
    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final int status;
    final String contentType;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();

    Answer(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    static Answer json(int status, Object value) {
        try {
            return new Answer(status, JSON, MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }

    static Answer text(int status, String contentType, String body) {
        return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer error(ApiError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.status);
        body.put("error", e.getMessage());
        body.put("fix", e.fix);
        return json(e.status, body);
    }

    Answer header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
