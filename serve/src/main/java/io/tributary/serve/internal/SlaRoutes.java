package io.tributary.serve.internal;

import io.tributary.pipelines.metrics.series.MetricWindows;
import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaConflict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.flink.annotation.Internal;

/**
 * The SLA manager: create, list, read, replace and delete SLAs in {@code silver.metrics_slas}, and
 * each SLA's violations and predictions. A change names the revision it starts from ({@code
 * If-Match: "3"}, the {@code ETag} of a read, or {@code "revision"} in a PUT body); a change made
 * meanwhile by anyone — another replica, another client — answers 412 with the current revision.
 */
@Internal
final class SlaRoutes {
    private final LakeView lake;
    private final List<String> metrics;

    SlaRoutes(LakeView lake, List<String> metrics) {
        this.lake = lake;
        this.metrics = metrics;
    }

    void addTo(Routes routes) {
        routes.add("GET", "/slas", this::list)
                .add("POST", "/slas", this::create)
                .add("GET", "/slas/{id}", this::get)
                .add("PUT", "/slas/{id}", this::replace)
                .add("DELETE", "/slas/{id}", this::delete)
                .add("GET", "/slas/{id}/violations", this::violations)
                .add("GET", "/slas/{id}/predictions", this::predictions);
    }

    private Answer list(Request request) {
        request.allowParameters(List.of());
        List<Map<String, Object>> slas = new ArrayList<>();
        lake.snapshot().slas.value.forEach(s -> slas.add(SlaAnswers.about(s)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slas", slas);
        return Answer.json(200, body);
    }

    private Answer create(Request request) {
        request.allowParameters(List.of());
        SlaBody body = SlaBody.parse(request.body(), metrics);
        if (body.revision != null) {
            throw ApiError.badRequest(
                    "a new SLA has no revision to give", "leave 'revision' out of a POST");
        }
        Sla sla = lake.slaStore().create(body.name, body.metrics);
        lake.refreshSlas();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", sla.id());
        answer.put("revision", sla.revision());
        return Answer.json(201, answer)
                .header("Location", "/slas/" + sla.id())
                .header("ETag", etag(sla));
    }

    private Answer get(Request request) {
        request.allowParameters(List.of());
        Sla sla = sla(request);
        return Answer.json(200, SlaAnswers.about(sla)).header("ETag", etag(sla));
    }

    private Answer replace(Request request) {
        request.allowParameters(List.of());
        String id = request.path.get("id");
        SlaBody body = SlaBody.parse(request.body(), metrics);
        int expected = expectedRevision(request, body.revision);
        Sla sla =
                change(
                        id,
                        expected,
                        () -> lake.slaStore().replace(id, expected, body.name, body.metrics));
        return Answer.json(200, SlaAnswers.about(sla)).header("ETag", etag(sla));
    }

    private Answer delete(Request request) {
        request.allowParameters(List.of());
        String id = request.path.get("id");
        int expected = expectedRevision(request, null);
        change(
                id,
                expected,
                () -> {
                    lake.slaStore().delete(id, expected);
                    return null;
                });
        return new Answer(204, Answer.JSON, new byte[0]);
    }

    private Answer violations(Request request) {
        request.allowParameters(List.of("window"));
        String window = request.parameter("window").orElse("12h");
        if (!MetricWindows.NAMES.contains(window)) {
            throw ApiError.badRequest(
                    "no window '" + window + "'", Nearest.hint(window, MetricWindows.NAMES));
        }
        Sla sla = sla(request);
        return Answer.json(
                        200,
                        SlaAnswers.violations(
                                sla, window, MetricWindows.length(window), lake.snapshot()))
                .header("ETag", etag(sla));
    }

    private Answer predictions(Request request) {
        request.allowParameters(List.of());
        Sla sla = sla(request);
        return Answer.json(200, SlaAnswers.predictions(sla, lake.snapshot()))
                .header("ETag", etag(sla));
    }

    private Sla sla(Request request) {
        String id = request.path.get("id");
        return lake.snapshot()
                .sla(id)
                .orElseThrow(
                        () ->
                                ApiError.notFound(
                                        "no SLA " + id, "GET /slas lists the SLAs and their ids"));
    }

    private <T> T change(String id, int expected, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (SlaConflict e) {
            throw new ApiError(
                    412, e.getMessage(), "GET /slas/" + id + " and send its ETag as If-Match");
        } catch (NoSuchElementException e) {
            throw ApiError.notFound("no SLA " + id, "GET /slas lists the SLAs and their ids");
        } finally {
            lake.refreshSlas();
        }
    }

    /** The revision a change starts from: If-Match, else the body's; one of them is required. */
    private static int expectedRevision(Request request, Integer inBody) {
        Integer fromHeader =
                request.header("If-Match")
                        .map(
                                v -> {
                                    String s = v.trim();
                                    if (s.startsWith("W/")) {
                                        s = s.substring(2);
                                    }
                                    s = s.replace("\"", "");
                                    try {
                                        return Integer.parseInt(s);
                                    } catch (NumberFormatException e) {
                                        throw ApiError.badRequest(
                                                "If-Match '" + v + "' is not an SLA revision",
                                                "send the ETag of GET /slas/{id}, e.g. If-Match: \"1\"");
                                    }
                                })
                        .orElse(null);
        if (fromHeader != null && inBody != null && !fromHeader.equals(inBody)) {
            throw ApiError.badRequest(
                    "If-Match says revision " + fromHeader + ", the body " + inBody,
                    "send one revision, the one you read");
        }
        if (fromHeader == null && inBody == null) {
            throw new ApiError(
                    428,
                    "a change must name the revision it starts from",
                    "send the ETag of GET /slas/{id} as If-Match, e.g. If-Match: \"1\"");
        }
        return fromHeader != null ? fromHeader : inBody;
    }

    private static String etag(Sla sla) {
        return "\"" + sla.revision() + "\"";
    }
}
