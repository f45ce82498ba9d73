package io.tributary.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A landing folder of combined-format access log lines, for commands that need an input. */
final class WebLogLanding {
    private static final String LINE =
            "10.0.0.%d - - [10/Oct/2015:13:%02d:36 +0000] \"GET /page/%d HTTP/1.1\" 200 %d"
                    + " \"-\" \"curl/8.0\"";

    private WebLogLanding() {}

    /** {@code dir/name/weblogs/access.log} with {@code lines} lines; returns {@code dir/name}. */
    static Path write(Path dir, String name, int lines) throws IOException {
        Path landing = dir.resolve(name);
        List<String> log = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            log.add(String.format(LINE, i % 250, i % 60, i % 1000, 100 + i % 5000));
        }
        Files.createDirectories(landing.resolve("weblogs"));
        Files.write(landing.resolve("weblogs/access.log"), log, StandardCharsets.UTF_8);
        return landing;
    }
}
