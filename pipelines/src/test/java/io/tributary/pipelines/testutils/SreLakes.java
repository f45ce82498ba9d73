package io.tributary.pipelines.testutils;

import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.SreOptions;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

import java.nio.file.Path;

/** Settings of an SRE test run: a lake with small files, and the database it reads. */
public final class SreLakes {
    private SreLakes() {}

    /** A lake at {@code root} whose files are small, so that a small dataset still spans several. */
    public static Configuration lake(Path root) {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, root.toString());
        conf.set(TributaryOptions.SINK_TARGET_FILE_SIZE, MemorySize.parse("16kb"));
        return conf;
    }

    /** {@code conf} reading the embedded PostgreSQL's default database. */
    public static Configuration readingPostgres(Configuration conf, EmbeddedPostgres postgres) {
        conf.set(SreOptions.JDBC_URL, postgres.getJdbcUrl("postgres", "postgres"));
        conf.set(SreOptions.JDBC_USER, "postgres");
        return conf;
    }
}
