package io.tributary.pipelines.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.NamedQuery;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every named query a pipeline keeps ({@code queries/*.sql} beside it), asked of a lake its
 * backfill wrote.
 */
public final class NamedQueries {
    private NamedQueries() {}

    public static List<NamedQuery> of(Class<?> pipeline) throws Exception {
        URL dir = pipeline.getResource("queries");
        assertThat(dir).as("%s keeps queries/", pipeline.getSimpleName()).isNotNull();
        // Integration tests run against the job jar: its folders are listed through a zip file
        // system.
        try (FileSystem jar =
                        "jar".equals(dir.getProtocol())
                                ? FileSystems.newFileSystem(dir.toURI(), Map.of())
                                : null;
                Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".sql"))
                    .sorted()
                    .map(n -> NamedQuery.load(pipeline, n.substring(0, n.length() - 4)))
                    .collect(Collectors.toList());
        }
    }

    /**
     * Each query of {@code pipeline} plans on {@code lake}: its tables and columns exist with the
     * types the query uses. Planning, not running, keeps the check cheap; the demo runs the web-log
     * questions for real.
     */
    public static void assertEachPlans(Class<?> pipeline, Lake lake) throws Exception {
        List<NamedQuery> queries = of(pipeline);
        assertThat(queries).isNotEmpty();
        for (NamedQuery query : queries) {
            assertThat(lake.explain(query.sql()))
                    .as("%s (%s)", query.name(), query.description())
                    .contains("== Optimized Physical Plan ==");
        }
    }
}
