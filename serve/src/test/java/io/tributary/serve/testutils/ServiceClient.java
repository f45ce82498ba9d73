package io.tributary.serve.testutils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the service over HTTP and checks every answer against its OpenAPI document. */
public final class ServiceClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final OpenApiContract contract;

    public ServiceClient(int port, OpenApiContract contract) {
        this.base = "http://127.0.0.1:" + port;
        this.contract = contract;
    }

    /** An answer: status, headers and body, with the body as JSON when it is JSON. */
    public static final class Answer {
        public final int status;
        public final String body;
        public final HttpResponse<String> response;

        Answer(HttpResponse<String> response) {
            this.status = response.statusCode();
            this.body = response.body();
            this.response = response;
        }

        public JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    public Answer send(String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Answer answer = new Answer(response);
        if (contract != null) {
            contract.check(
                    method,
                    path,
                    answer.status,
                    response.headers().firstValue("Content-Type").orElse(""),
                    answer.body);
        }
        return answer;
    }
}
