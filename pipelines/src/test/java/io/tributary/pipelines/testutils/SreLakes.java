package io.tributary.pipelines.testutils;

import io.tributary.pipelines.demo.EmbeddedMariaDb;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.SreDatabase;
import io.tributary.pipelines.sre.SreOptions;
import io.tributary.pipelines.sre.SrePipeline;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

/** Settings of an SRE test run: a lake with small files, and the database it reads. */
public final class SreLakes {
    private SreLakes() {}

    /**
     * A lake at {@code root} whose files are small, so that a small dataset still spans several.
     */
    public static Configuration lake(Path root) {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, root.toString());
        conf.set(TributaryOptions.SINK_TARGET_FILE_SIZE, MemorySize.parse("16kb"));
        return conf;
    }

    /** {@code conf} reading the embedded PostgreSQL's default database. */
    public static Configuration readingPostgres(Configuration conf, EmbeddedPostgres postgres) {
        // Without the user zonky puts in its URL: credentials in a URL are refused.
        conf.set(
                SreOptions.JDBC_URL,
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        conf.set(SreOptions.JDBC_USER, "postgres");
        // The password from a file, as a mounted Secret gives it: the backfill's connector then
        // reads it where it connects (PasswordSourceDriver), and the job graph holds the path.
        try {
            Path password = Files.createTempFile("sre-password", "");
            Files.writeString(password, "postgres\n");
            password.toFile().deleteOnExit();
            conf.set(SreOptions.JDBC_PASSWORD_FILE, password.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return conf;
    }

    /**
     * The SRE backfill of the dataset from a database (an embedded MariaDB under {@code dir}): the
     * lake a streaming run over the same changes must end with.
     */
    public static Configuration batchReference(Path dir) throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"))) {
            Configuration conf = lake(dir.resolve("lake"));
            conf.set(SreOptions.JDBC_URL, db.jdbcUrl());
            conf.set(SreOptions.JDBC_USER, EmbeddedMariaDb.USER);
            new SreDataset().writeTo(SreDatabase.fromConfig(conf));
            new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                    .run(SrePipeline.fromConfig(conf), PipelineMode.BATCH);
            return conf;
        }
    }

    /**
     * Each SRE gold table's rows, sorted, numbers rounded; a table that cannot be read says why.
     */
    public static List<List<String>> gold(Lake lake) {
        List<List<String>> tables = new ArrayList<>();
        for (String table : SrePipeline.GOLD) {
            try {
                tables.add(
                        lake.rowsRounded("SELECT * FROM " + table).stream()
                                .sorted()
                                .collect(Collectors.toList()));
            } catch (Exception e) {
                tables.add(List.of("unreadable: " + e.getMessage()));
            }
        }
        return tables;
    }
}
