package io.tributary.udfs.weblogs;

/**
 * The request line split into method, endpoint (path without query), query and protocol. Anything
 * that is not {@code METHOD URI [PROTOCOL]} leaves every part null.
 */
final class RequestLine {
    private static final RequestLine UNSPLITTABLE = new RequestLine(null, null, null, null);

    final String method;
    final String endpoint;
    final String query;
    final String protocol;

    private RequestLine(String method, String endpoint, String query, String protocol) {
        this.method = method;
        this.endpoint = endpoint;
        this.query = query;
        this.protocol = protocol;
    }

    static RequestLine split(String request) {
        int firstSpace = request.indexOf(' ');
        if (firstSpace <= 0 || !isMethod(request, firstSpace)) {
            return UNSPLITTABLE;
        }
        String method = request.substring(0, firstSpace);
        int lastSpace = request.lastIndexOf(' ');
        String uri;
        String protocol = null;
        if (lastSpace > firstSpace && request.startsWith("HTTP/", lastSpace + 1)) {
            uri = request.substring(firstSpace + 1, lastSpace).trim();
            protocol = request.substring(lastSpace + 1);
        } else {
            // HTTP/0.9 sends no protocol: everything after the method is the URI.
            uri = request.substring(firstSpace + 1).trim();
        }
        if (uri.isEmpty()) {
            return UNSPLITTABLE;
        }
        int question = uri.indexOf('?');
        String endpoint = question < 0 ? uri : uri.substring(0, question);
        String query = question < 0 ? null : uri.substring(question + 1);
        return new RequestLine(method, endpoint, query, protocol);
    }

    private static boolean isMethod(String request, int length) {
        for (int i = 0; i < length; i++) {
            char ch = request.charAt(i);
            if ((ch < 'A' || ch > 'Z') && ch != '-' && ch != '_') {
                return false;
            }
        }
        return true;
    }
}
