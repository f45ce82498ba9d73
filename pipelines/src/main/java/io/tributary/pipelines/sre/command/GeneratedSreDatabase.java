package io.tributary.pipelines.sre.command;

import io.tributary.pipelines.demo.EmbeddedMariaDb;
import io.tributary.pipelines.sre.SreCsvLoader;
import io.tributary.pipelines.sre.SreDatabase;
import io.tributary.pipelines.sre.SreGenerator;
import io.tributary.pipelines.sre.SreOptions;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;

/**
 * An embedded MariaDB holding a generated year of SRE data (with its bad rows), for the demo and
 * the benchmark.
 */
@Internal
final class GeneratedSreDatabase implements AutoCloseable {
    static final int YEAR = 2025;

    private final EmbeddedMariaDb db;
    final Map<String, Long> loaded;

    private GeneratedSreDatabase(EmbeddedMariaDb db, Map<String, Long> loaded) {
        this.db = db;
        this.loaded = loaded;
    }

    /**
     * Starts a fresh server under {@code dbDir} and loads a year with {@code requests} requests, by
     * way of CSVs in {@code csvDir}.
     */
    static GeneratedSreDatabase start(Path dbDir, Path csvDir, long requests) throws Exception {
        FileUtils.deleteDirectory(dbDir.toFile());
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dbDir);
        try {
            new SreGenerator(42, YEAR).withBadRows().generate(csvDir, requests);
            Configuration settings = settings(db, new Configuration());
            return new GeneratedSreDatabase(
                    db, SreCsvLoader.load(SreDatabase.fromConfig(settings), csvDir));
        } catch (Exception e) {
            db.close();
            throw e;
        }
    }

    /** {@code conf} with the tributary.sre.jdbc.* settings of this database. */
    Configuration configure(Configuration conf) {
        return settings(db, conf);
    }

    private static Configuration settings(EmbeddedMariaDb db, Configuration conf) {
        Configuration sre = new Configuration(conf);
        sre.set(SreOptions.JDBC_URL, db.jdbcUrl());
        sre.set(SreOptions.JDBC_USER, EmbeddedMariaDb.USER);
        return sre;
    }

    String url() {
        return db.jdbcUrl();
    }

    long rows() {
        return loaded.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
