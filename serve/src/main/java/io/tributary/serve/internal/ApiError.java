package io.tributary.serve.internal;

import org.apache.flink.annotation.Internal;

/**
 * A request the service refuses: its HTTP status, what is wrong and how to fix it, answered as
 * {@code {"status": 400, "error": "...", "fix": "..."}}.
 */
@Internal
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String fix;

    ApiError(int status, String message, String fix) {
        super(message);
        this.status = status;
        this.fix = fix;
    }

    static ApiError badRequest(String message, String fix) {
        return new ApiError(400, message, fix);
    }

    static ApiError notFound(String message, String fix) {
        return new ApiError(404, message, fix);
    }
}
